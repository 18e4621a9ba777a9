import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ApplicationStatus,
  decideStage,
  meetsScore,
  InterviewStatus,
  ScorecardStatus,
  SkillPriority,
  SkillVerdict,
  type Recommendation,
} from '../../../libs/domain';
import { enqueueJob } from '../../../libs/jobs';
import { PlanStage } from '../catalog';
import { Application, StageVisit, StageDecision } from '../pipeline';
import { NotificationsService } from '../notifications';
import { Position } from '../positions';
import { WebhookEvent, WebhooksService } from '../webhooks';
import { Interview } from '../scheduling';
import { Scorecard } from './scorecard.entity';
import { SkillVerificationService } from './skill-verification.service';

/**
 * Computes a stage's decision as soon as it can be made: the application is in that stage, at
 * least one interview of the visit is COMPLETED, none is still SCHEDULED, and every panelist of
 * every completed interview has submitted. Called, inside their transactions, by everything that
 * can complete that set: submitting or amending a scorecard, completing or cancelling an interview.
 */
@Injectable()
export class StageDecisionService {
  constructor(
    private readonly verifications: SkillVerificationService,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
  ) {}

  async evaluate(em: EntityManager, applicationId: string, stageId: string): Promise<StageDecision | null> {
    const application = await em.findOne(Application, { id: applicationId });
    if (!application || application.status !== ApplicationStatus.ACTIVE || application.currentStage?.id !== stageId)
      return null;
    const visit = await em.findOne(StageVisit, { application, stage: stageId, exitedAt: null });
    if (!visit) return null;
    const interviews = await em.find(
      Interview,
      { application, stage: stageId, createdAt: { $gte: visit.enteredAt } },
      { populate: ['panel.interviewer'] },
    );
    const completed = interviews.filter((interview) => interview.status === InterviewStatus.COMPLETED);
    if (completed.length === 0 || interviews.some((interview) => interview.status === InterviewStatus.SCHEDULED))
      return null;
    const scorecards = await em.find(
      Scorecard,
      { interview: { $in: completed }, status: ScorecardStatus.SUBMITTED },
      { populate: ['interviewer'] },
    );
    const everyoneSubmitted = completed.every((interview) =>
      interview.panel
        .getItems()
        .every((panelist) =>
          scorecards.some(
            (card) => card.interview.id === interview.id && card.interviewer.id === panelist.interviewer.id,
          ),
        ),
    );
    if (!everyoneSubmitted) return null;

    const existing = await em.findOne(StageDecision, { visit });
    if (existing?.appliedAt) return existing;
    const stage = await em.findOneOrFail(PlanStage, stageId, { populate: ['rubric.criteria'] });
    const criteria = (stage.rubric?.criteria.getItems() ?? []).map((criterion) => ({
      criterionId: criterion.id,
      name: criterion.name,
      weight: criterion.weight,
    }));
    const verification = (await this.verifications.forApplications([application.id], em)).get(application.id) ?? [];
    const result = decideStage({
      scorecards: scorecards.map((card) => ({
        interviewerName: card.interviewer.name,
        recommendation: card.recommendation as Recommendation,
        ratings: card.ratings,
      })),
      criteria,
      passThreshold: stage.passThreshold ?? stage.rubric?.scaleMax ?? 0,
      meetsScore: meetsScore(stage.rubric?.criteria.getItems()[0]?.levels, stage.passThreshold),
      mustVerifySkills: verification
        .filter((entry) => entry.priority === SkillPriority.MUST_VERIFY && entry.verifiedInStageIds.includes(stageId))
        .map((entry) => ({ name: entry.skill.name, verified: entry.verdict === SkillVerdict.VERIFIED })),
    });
    const decision =
      existing ?? new StageDecision({ visit, application, stage, automatic: stage.autoAdvance, ...result });
    Object.assign(decision, {
      outcome: result.outcome,
      average: result.average,
      reasons: result.reasons,
      reasonCode: result.reasonCode,
    });
    em.persist(decision);
    // Once per decision and outcome: a re-evaluation that changes nothing records nothing more.
    await this.webhooks.emit(em, WebhookEvent.STAGE_DECISION_READY, `stage-decision.${decision.id}.${result.outcome}`, {
      stageDecisionId: decision.id,
      applicationId: application.id,
      positionId: application.position.id,
      stageId: stage.id,
      outcome: result.outcome,
      automatic: stage.autoAdvance,
      occurredAt: new Date().toISOString(),
    });
    await em.flush();

    if (stage.autoAdvance) {
      enqueueJob(
        em,
        'pipeline.apply-stage-decision',
        { decisionId: decision.id },
        { jobId: `stage-decision.${decision.id}` },
      );
    } else if (!existing) {
      const position = await em.findOneOrFail(Position, application.position.id, { populate: ['recruiters'] });
      const candidate = await em.populate(application, ['candidate']);
      await this.notifications.send(
        em,
        [position.hiringManager.id, ...position.recruiters.getIdentifiers<string>()],
        `stage-decision.${decision.id}`,
        {
          kind: 'STAGE_DECISION_WAITING',
          subject: `Decision waiting: ${candidate.candidate.name}, ${stage.name}`,
          body: `The panel has submitted. Recommended: ${result.outcome}. ${result.reasons.join('. ')}.`,
          link: application.id,
        },
      );
    }
    return decision;
  }
}
