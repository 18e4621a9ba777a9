import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { PositionStatus } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { ConflictException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessPolicy } from '../../common/policy/access-policy';
import { Position } from '../positions/position.entity';
import { InterviewPlan, PlanStage } from './interview-plan.entity';
import { assertValidPlan, copyPlan, loadPlans } from './plan-graph';

export interface PlanEdit {
  em: EntityManager;
  /** The plan being changed: the new template version, or the position's own plan. */
  plan: InterviewPlan;
  /** The stage of `plan` that corresponds to a stage id the caller named (ids of the edited version work). */
  stage(id: string): PlanStage;
}

/**
 * The one way plans change. A template is never edited in place: the edit applies to a copy saved
 * as the next version, and positions keep the copy they took. A position's plan is edited in
 * place until the position is closed. Either way the whole plan is checked against the rules
 * before anything is written, in one transaction.
 */
@Injectable()
export class PlanEditorService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: AccessPolicy,
  ) {}

  async edit<Result>(planId: string, actor: Actor, change: (edit: PlanEdit) => Promise<Result> | Result) {
    try {
      return await this.em.fork().transactional(async (em) => {
        // Serialises edits of one plan; the second waits and then sees the first's result.
        const locked = await em.findOne(InterviewPlan, { id: planId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!locked) throw new NotFoundException('Interview plan', planId);
        const [source] = await loadPlans(em, [planId]);
        const plan = await this.target(em, source!, actor);
        const byId = new Map(source!.stages.getItems().map((stage) => [stage.id, stage.key]));
        const edit: PlanEdit = {
          em,
          plan,
          stage: (id) => {
            const key = byId.get(id);
            const stage = key && plan.stages.getItems().find((candidate) => candidate.key === key);
            if (!stage) throw new NotFoundException('Stage of this plan', id);
            return stage;
          },
        };
        const result = await change(edit);
        assertValidPlan(plan);
        await em.flush();
        return { plan, result };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictException('Someone else changed this plan at the same moment; reload it and try again.');
      }
      throw error;
    }
  }

  /** Where an edit lands, after checking the caller may make it. */
  private async target(em: EntityManager, plan: InterviewPlan, actor: Actor): Promise<InterviewPlan> {
    if (plan.isTemplate) {
      this.policy.assert(
        this.policy.canEditCatalog(actor),
        'Only admins and recruiters edit interview plan templates.',
      );
      if (plan.archivedAt) throw new ConflictException(`Template "${plan.name}" is archived; it cannot be edited.`);
      if (plan.supersededAt) {
        const latest = await em.findOne(InterviewPlan, { family: plan.family, supersededAt: null });
        throw new ConflictException(
          `Version ${plan.version} of "${plan.name}" is not the latest; edit version ${latest?.version ?? 'latest'} (id ${latest?.id}).`,
          { latestId: latest?.id },
        );
      }
      plan.supersededAt = new Date();
      return copyPlan(em, plan, { isTemplate: true, family: plan.family, version: plan.version + 1 });
    }
    const position = await em.findOne(Position, { plan }, { populate: ['recruiters'] });
    if (!position) throw new NotFoundException('Interview plan', plan.id);
    this.policy.assert(
      this.policy.canManagePosition(actor, position),
      "Only the position's recruiters, its hiring manager and admins can change its plan.",
    );
    if (position.status === PositionStatus.CLOSED) {
      throw new ConflictException(`Position "${position.title}" is closed; its plan can no longer change.`);
    }
    return plan;
  }
}
