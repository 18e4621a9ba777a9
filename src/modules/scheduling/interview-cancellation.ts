import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InterviewStatus } from '../../../libs/domain';
import { PipelineHooks, type TransitionContext } from '../pipeline';
import { WebhookEvent } from '../webhooks';
import { Interview } from './interview.entity';
import { InterviewEvents } from './interview-events';
import { InterviewNotices } from './interview-notices';

/** A decided application keeps nobody's calendar blocked: its scheduled interviews are cancelled. */
@Injectable()
export class InterviewCancellation implements OnModuleInit {
  constructor(
    private readonly pipeline: PipelineHooks,
    private readonly events: InterviewEvents,
    private readonly notices: InterviewNotices,
  ) {}

  onModuleInit(): void {
    this.pipeline.on('decided', (context) => this.cancelOpenInterviews(context));
  }

  private async cancelOpenInterviews({ em, application }: TransitionContext): Promise<void> {
    const open = await em.find(Interview, { application, status: InterviewStatus.SCHEDULED }, { populate: ['panel'] });
    for (const interview of open) {
      interview.status = InterviewStatus.CANCELLED;
      interview.cancelReason = `The application was ${application.status.toLowerCase()}.`;
      interview.sequence += 1;
      for (const panelist of interview.panel) panelist.blocksCalendar = false;
      await this.events.emit(em, WebhookEvent.INTERVIEW_CANCELLED, interview);
      // The panel is told with the reason; the candidate's cancellation mail never carries it.
      await this.notices.tell(em, interview, 'cancelled');
    }
  }
}
