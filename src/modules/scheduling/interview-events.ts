import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvent, WebhooksService, type InterviewEventData } from '../webhooks';
import type { Interview } from './interview.entity';

type InterviewEvent =
  WebhookEvent.INTERVIEW_SCHEDULED | WebhookEvent.INTERVIEW_RESCHEDULED | WebhookEvent.INTERVIEW_CANCELLED;

/**
 * Records an interview's webhook event in the caller's transaction. The key names the interview
 * and, for a reschedule, its new sequence, so a retried transaction records it once.
 */
@Injectable()
export class InterviewEvents {
  constructor(private readonly webhooks: WebhooksService) {}

  async emit(em: EntityManager, event: InterviewEvent, interview: Interview): Promise<void> {
    const data: InterviewEventData = {
      interviewId: interview.id,
      applicationId: interview.application.id,
      positionId: interview.application.position.id,
      stageId: interview.stage.id,
      status: interview.status,
      startsAt: interview.startsAt.toISOString(),
      endsAt: interview.endsAt.toISOString(),
      sequence: interview.sequence,
      interviewerIds: (await interview.panel.loadItems()).map((panelist) => panelist.interviewer.id),
      occurredAt: new Date().toISOString(),
    };
    const suffix =
      event === WebhookEvent.INTERVIEW_RESCHEDULED ? `s${interview.sequence}.rescheduled` : event.toLowerCase();
    await this.webhooks.emit(em, event, `interview.${interview.id}.${suffix}`, data);
  }
}
