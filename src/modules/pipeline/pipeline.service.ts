import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  ApplicationStatus,
  landOnRequiredStage,
  type ExperienceLevel,
  planMove,
  planTransition,
  PositionStatus,
  RejectionReason,
  StageOutcome,
  type PipelineAction,
} from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { isLockNotAvailable, isUniqueViolation } from '../../common/errors/constraint-errors';
import { BadUserInputException, ConflictException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { PlanStage } from '../catalog';
import { Candidate } from '../candidates';
import { User } from '../identity';
import { NotificationsService } from '../notifications';
import { Position } from '../positions';
import { WebhookEvent, WebhooksService } from '../webhooks';
import { Application } from './application.entity';
import { ApplicationTransition } from './application-transition.entity';
import { PipelineHooks, type TransitionContext } from './pipeline-hooks';
import { StageDecision } from './stage-decision.entity';
import { StageVisit } from './stage-visit.entity';

export interface TransitionRequest {
  reason?: string | null;
  /** Stored on a visit that closes FAILED (a rejection); OTHER when not given. */
  reasonCode?: RejectionReason | null;
  expectedVersion?: number | null;
  /** Act only if the open visit is still in this stage (jobs applying a stage decision). */
  expectedStageId?: string | null;
  /** The system carries out the stage's decision (StageDecisionProcessor): the hiring team is told. */
  automatic?: boolean;
}

/** The decisions, which a position's hiring manager takes too; the other moves are the recruiters'. */
const DECISIONS: readonly PipelineAction[] = ['advance', 'reject', 'hire'];

@Injectable()
export class PipelineService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly hooks: PipelineHooks,
    private readonly webhooks: WebhooksService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Opens an application at the first stage of the position's plan. */
  async apply(actor: Actor, input: { candidateId: string; positionId: string }): Promise<Application> {
    try {
      return await this.em.fork().transactional(async (em) => {
        const position = await em.findOne(Position, { id: input.positionId });
        if (!position) throw new NotFoundException('Position', input.positionId);
        await this.access.require(actor, Permission.PositionApply, position.id, em);
        if (position.status !== PositionStatus.OPEN) {
          throw new ConflictException(
            `Position "${position.title}" is ${position.status}; candidates can apply only while it is OPEN.`,
          );
        }
        const candidate = await em.findOne(Candidate, { id: input.candidateId });
        if (!candidate) throw new NotFoundException('Candidate', input.candidateId);
        const application = new Application({ candidate, position, experienceLevel: candidate.experienceLevel });
        const stages = await em.find(PlanStage, { plan: position.plan }, { orderBy: { order: 'asc' } });
        const landing = this.levelLanding(stages, position.level, stages.length ? 0 : null);
        const first = landing.openIndex === null ? null : stages[landing.openIndex]!;
        application.currentStage = first;
        em.persist(application);
        this.recordLevelSkips(em, application, stages, landing.skippedIndexes, position.level, application.appliedAt);
        if (first) em.persist(new StageVisit(application, first, application.appliedAt));
        em.persist(
          this.logEntry(em, application, actor, 'apply', ApplicationStatus.ACTIVE, null, first?.id ?? null, null),
        );
        await em.flush();
        return application;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const existing = await this.em.fork().findOne(Application, {
          candidate: input.candidateId,
          position: input.positionId,
          status: { $in: [ApplicationStatus.ACTIVE, ApplicationStatus.ON_HOLD] },
        });
        throw new ConflictException('This candidate already has an active application to this position.', {
          existingId: existing?.id,
        });
      }
      throw error;
    }
  }

  /** A person's action on an application they may read (others get NOT_FOUND, as if it did not exist). */
  async act(
    actor: Actor,
    applicationId: string,
    action: PipelineAction,
    request: TransitionRequest = {},
  ): Promise<Application> {
    await this.access.require(actor, Permission.ApplicationRead, applicationId);
    return this.transition(actor, applicationId, action, request);
  }

  /**
   * Runs one pipeline action through the state machine in one transaction: the visit closes and the
   * next opens, the status changes, the log records who did it. A concurrent action on the same
   * application, or an expectedVersion that is no longer current, is a CONFLICT.
   */
  async transition(
    actor: Actor,
    applicationId: string,
    action: PipelineAction,
    request: TransitionRequest = {},
  ): Promise<Application> {
    try {
      return await this.em.fork().transactional(async (em) => {
        // NOWAIT: a second action arriving while one is in flight fails at once instead of queueing.
        const application = await em.findOne(
          Application,
          { id: applicationId },
          { lockMode: LockMode.PESSIMISTIC_WRITE_OR_FAIL },
        );
        if (!application) throw new NotFoundException('Application', applicationId);
        await this.access.require(
          actor,
          DECISIONS.includes(action) ? Permission.ApplicationDecide : Permission.ApplicationMove,
          application.id,
          em,
        );
        const position = await em.findOneOrFail(Position, application.position.id);
        if (request.expectedVersion != null && request.expectedVersion !== application.version) {
          throw new ConflictException(
            `The application changed since you loaded it (version ${request.expectedVersion}, now ${application.version}); reload and try again.`,
            { currentVersion: application.version },
          );
        }
        if (position.status === PositionStatus.CLOSED && action !== 'withdraw' && action !== 'reject') {
          throw new ConflictException(
            `Position "${position.title}" is closed; only reject and withdraw remain possible.`,
          );
        }
        const stages = await em.find(PlanStage, { plan: position.plan }, { orderBy: { order: 'asc' } });
        const index = application.currentStage
          ? stages.findIndex((stage) => stage.id === application.currentStage!.id)
          : -1;
        const state = {
          status: application.status,
          currentStageIndex: index >= 0 ? index : null,
          stageCount: stages.length,
        };
        const plan = planTransition(state, action, { reason: request.reason });
        if (!plan.ok) {
          throw new BadUserInputException(plan.message, { [plan.field ?? 'action']: plan.message });
        }
        const context: TransitionContext = { em, application, actor, action };
        await this.hooks.run(`before-${action}`, context);

        const now = new Date();
        const fromStatus = application.status;
        const fromStage = application.currentStage?.id ?? null;
        const fromVersion = application.version;
        const decidedBy = actor.userId ? em.getReference(User, actor.userId) : null;
        let settled: StageDecision | null = null;
        if (request.expectedStageId && application.currentStage?.id !== request.expectedStageId) {
          throw new ConflictException('The application has left that stage already.');
        }
        if (plan.closeVisit) {
          const open = await em.findOneOrFail(StageVisit, { application, exitedAt: null });
          Object.assign(open, {
            exitedAt: now,
            outcome: plan.closeVisit,
            decidedBy,
            reason: request.reason?.trim() || null,
            reasonCode: plan.closeVisit === StageOutcome.FAILED ? (request.reasonCode ?? RejectionReason.OTHER) : null,
          });
          // A stage decision waiting on this visit is now settled, by the system or by a person.
          const decision = await em.findOne(StageDecision, { visit: open, appliedAt: null });
          if (decision) {
            decision.appliedAt = now;
            decision.outcomeApplied = (decision.outcome as string) === (plan.closeVisit as string);
            settled = decision;
          }
        }
        // Stages the position's level leaves optional are recorded as skipped on the way.
        const landing = this.levelLanding(stages, position.level, plan.openStageIndex);
        this.recordLevelSkips(em, application, stages, landing.skippedIndexes, position.level, now);
        const next = landing.openIndex === null ? null : stages[landing.openIndex]!;
        if (next) em.persist(new StageVisit(application, next, now));
        application.status = plan.next.status;
        if (plan.closeVisit !== null) application.currentStage = next;
        else if (plan.next.currentStageIndex === null) application.currentStage = null;
        else application.currentStage = stages[plan.next.currentStageIndex]!;
        if (plan.decided) {
          application.decidedAt = now;
          await this.hooks.run('decided', context);
        }
        em.persist(
          this.logEntry(
            em,
            application,
            actor,
            action,
            fromStatus,
            fromStage,
            application.currentStage?.id ?? null,
            request.reason ?? null,
          ),
        );
        await em.flush();
        await this.afterChange(em, application, {
          action,
          fromStatus,
          fromStage,
          fromVersion,
          at: now,
          automatic: request.automatic ?? false,
          rejectionReason:
            application.status === ApplicationStatus.REJECTED ? (request.reasonCode ?? RejectionReason.OTHER) : null,
        });
        if (request.automatic && settled?.outcomeApplied)
          await this.tellDecisionApplied(em, application, settled, position);
        await em.flush();
        return application;
      });
    } catch (error) {
      // The NOWAIT row lock is held by another transaction.
      if (isLockNotAvailable(error)) {
        throw new ConflictException('Someone else is changing this application right now; reload it and try again.');
      }
      throw error;
    }
  }

  /**
   * Moves an ACTIVE application to any stage of its plan (recruiters and the hiring manager): back
   * to an earlier stage as a new visit, or forward with the stages in between recorded SKIPPED.
   * The open visit, if any, closes SKIPPED. One transaction, logged as action 'move'.
   */
  async moveToStage(
    actor: Actor,
    input: { applicationId: string; stageId: string; reason: string; expectedVersion?: number | null },
  ): Promise<Application> {
    await this.access.require(actor, Permission.ApplicationRead, input.applicationId);
    try {
      return await this.em.fork().transactional(async (em) => {
        const application = await em.findOne(
          Application,
          { id: input.applicationId },
          { lockMode: LockMode.PESSIMISTIC_WRITE_OR_FAIL },
        );
        if (!application) throw new NotFoundException('Application', input.applicationId);
        await this.access.require(actor, Permission.ApplicationDecide, application.id, em);
        if (input.expectedVersion != null && input.expectedVersion !== application.version) {
          throw new ConflictException(
            `The application changed since you loaded it (version ${input.expectedVersion}, now ${application.version}); reload and try again.`,
            { currentVersion: application.version },
          );
        }
        const position = await em.findOneOrFail(Position, application.position.id);
        if (position.status === PositionStatus.CLOSED) {
          throw new ConflictException(
            `Position "${position.title}" is closed; only reject and withdraw remain possible.`,
          );
        }
        const stages = await em.find(PlanStage, { plan: position.plan }, { orderBy: { order: 'asc' } });
        const index = application.currentStage
          ? stages.findIndex((stage) => stage.id === application.currentStage!.id)
          : -1;
        const state = {
          status: application.status,
          currentStageIndex: index >= 0 ? index : null,
          stageCount: stages.length,
        };
        const plan = planMove(
          state,
          stages.findIndex((stage) => stage.id === input.stageId),
          { reason: input.reason },
        );
        if (!plan.ok) throw new BadUserInputException(plan.message, { [plan.field ?? 'action']: plan.message });

        const now = new Date();
        const reason = input.reason.trim();
        const decidedBy = actor.userId ? em.getReference(User, actor.userId) : null;
        const fromStage = application.currentStage?.id ?? null;
        const fromVersion = application.version;
        if (plan.closeVisit) {
          const open = await em.findOneOrFail(StageVisit, { application, exitedAt: null });
          Object.assign(open, { exitedAt: now, outcome: plan.closeVisit, decidedBy, reason });
          const decision = await em.findOne(StageDecision, { visit: open, appliedAt: null });
          if (decision) {
            decision.appliedAt = now;
            decision.outcomeApplied = false;
          }
        }
        for (const skipped of plan.skippedStageIndexes) {
          const visit = new StageVisit(application, stages[skipped]!, now);
          Object.assign(visit, { exitedAt: now, outcome: StageOutcome.SKIPPED, decidedBy, reason });
          em.persist(visit);
        }
        const target = stages[plan.openStageIndex]!;
        em.persist(new StageVisit(application, target, now));
        application.currentStage = target;
        em.persist(this.logEntry(em, application, actor, 'move', application.status, fromStage, target.id, reason));
        await em.flush();
        await this.afterChange(em, application, {
          action: 'move',
          fromStatus: application.status,
          fromStage,
          fromVersion,
          at: now,
          automatic: false,
          rejectionReason: null,
        });
        await em.flush();
        return application;
      });
    } catch (error) {
      if (isLockNotAvailable(error)) {
        throw new ConflictException('Someone else is changing this application right now; reload it and try again.');
      }
      throw error;
    }
  }

  /**
   * In the transition's transaction: the webhook events of the change (keyed by the application's
   * version before it, so a retried transaction or job records each event once) and the "decision
   * waiting" notifications of this application marked resolved, since someone has now acted.
   */
  private async afterChange(
    em: EntityManager,
    application: Application,
    change: {
      action: string;
      fromStatus: ApplicationStatus;
      fromStage: string | null;
      fromVersion: number;
      at: Date;
      automatic: boolean;
      rejectionReason: RejectionReason | null;
    },
  ): Promise<void> {
    const data = {
      applicationId: application.id,
      positionId: application.position.id,
      candidateId: application.candidate.id,
      action: change.action,
      previousStatus: change.fromStatus,
      status: application.status,
      fromStageId: change.fromStage,
      toStageId: application.currentStage?.id ?? null,
      automatic: change.automatic,
      rejectionReason: change.rejectionReason,
      occurredAt: change.at.toISOString(),
    };
    const key = `application.${application.id}.v${change.fromVersion}`;
    if (application.status === ApplicationStatus.HIRED && change.fromStatus !== ApplicationStatus.HIRED) {
      await this.webhooks.emit(em, WebhookEvent.APPLICATION_HIRED, `${key}.hired`, data);
    } else if (application.status === ApplicationStatus.REJECTED && change.fromStatus !== ApplicationStatus.REJECTED) {
      await this.webhooks.emit(em, WebhookEvent.APPLICATION_REJECTED, `${key}.rejected`, data);
    } else if (data.toStageId !== change.fromStage) {
      await this.webhooks.emit(em, WebhookEvent.APPLICATION_STAGE_CHANGED, `${key}.stage_changed`, data);
    }
    await this.notifications.resolve(em, 'STAGE_DECISION_WAITING', application.id, change.at);
  }

  /** An automatic decision moved the application: its recruiters and hiring manager are told. */
  private async tellDecisionApplied(
    em: EntityManager,
    application: Application,
    decision: StageDecision,
    position: Position,
  ): Promise<void> {
    await em.populate(position, ['recruiters']);
    const stage = await em.findOneOrFail(PlanStage, decision.stage.id);
    const candidate = await em.findOneOrFail(Candidate, application.candidate.id);
    const what = application.status === ApplicationStatus.REJECTED ? 'rejected' : 'advanced';
    await this.notifications.send(
      em,
      [position.hiringManager.id, ...position.recruiters.getIdentifiers<string>()],
      `stage-decision-applied.${decision.id}`,
      {
        kind: 'STAGE_DECISION_APPLIED',
        subject: `Automatically ${what}: ${candidate.name}, ${stage.name}`,
        body: `The panel's decision (${decision.outcome}) was applied: the application was ${what}. ${decision.reasons.join('. ')}.`,
        link: application.id,
      },
    );
  }

  private levelLanding(stages: readonly PlanStage[], level: ExperienceLevel, index: number | null) {
    return landOnRequiredStage(
      stages.map((stage) => stage.requiredFromLevel),
      level,
      index,
    );
  }

  /** Closed SKIPPED visits, by the system, for stages the position's level leaves optional. */
  private recordLevelSkips(
    em: EntityManager,
    application: Application,
    stages: readonly PlanStage[],
    indexes: readonly number[],
    level: ExperienceLevel,
    at: Date,
  ): void {
    for (const index of indexes) {
      const stage = stages[index]!;
      const visit = new StageVisit(application, stage, at);
      Object.assign(visit, {
        exitedAt: at,
        outcome: StageOutcome.SKIPPED,
        decidedBy: null,
        reason: `Optional for ${level} positions (required from ${stage.requiredFromLevel} up).`,
      });
      em.persist(visit);
    }
  }

  private logEntry(
    em: EntityManager,
    application: Application,
    actor: Actor,
    action: string,
    fromStatus: ApplicationStatus,
    fromStageId: string | null,
    toStageId: string | null,
    reason: string | null,
  ): ApplicationTransition {
    return new ApplicationTransition({
      application,
      action,
      fromStatus,
      toStatus: application.status,
      fromStageId,
      toStageId,
      actor: actor.userId ? em.getReference(User, actor.userId) : null,
      reason,
    });
  }
}
