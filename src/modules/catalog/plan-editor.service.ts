import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { benchmarkProblems, readPlanBenchmarks, toStoredBenchmarks, type PlanBenchmarks } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { isUniqueViolation } from '../../common/errors/constraint-errors';
import { BadUserInputException, ConflictException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { CatalogHooks } from './catalog-hooks';
import type {
  AddPlanStageInput,
  RemovePlanStageInput,
  RemoveSkillRequirementInput,
  ReorderPlanStagesInput,
  SetPlanBenchmarksInput,
  SetSkillRequirementInput,
  SetStageRubricInput,
  UpdatePlanStageInput,
  UpdatePlanTemplateInput,
} from './graphql/catalog.input';
import { InterviewPlan, PlanStage, SkillRequirement } from './interview-plan.entity';
import { assertValidPlan, copyPlan, loadPlans } from './plan-graph';
import { applyStageChanges, replaceRubric } from './plan-stage-changes';
import { Skill } from './skill.entity';

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
 * place until the position is closed: positions decides that through CatalogHooks, as pipeline
 * decides which stages applications went through. Either way the whole plan is checked against
 * the rules before anything is written, in one transaction.
 */
@Injectable()
export class PlanEditorService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly hooks: CatalogHooks,
  ) {}

  /** Renames or re-describes a template (its next version). */
  async updateTemplate(actor: Actor, input: UpdatePlanTemplateInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(input.planId, actor, (edit) => {
      if (!edit.plan.isTemplate) {
        throw new BadUserInputException("This is a position's plan, not a template.", {
          'input.planId': 'not a template',
        });
      }
      if (input.name !== undefined) edit.plan.name = input.name.trim();
      if (input.description !== undefined) edit.plan.description = input.description;
    });
    return plan;
  }

  async updateStage(actor: Actor, input: UpdatePlanStageInput): Promise<PlanStage> {
    const { result } = await this.edit(await this.planOfStage(input.stageId), actor, async (edit) => {
      const stage = edit.stage(input.stageId);
      await applyStageChanges(edit.em, stage, input);
      return stage;
    });
    return result;
  }

  async setStageRubric(actor: Actor, input: SetStageRubricInput): Promise<PlanStage> {
    const { result } = await this.edit(await this.planOfStage(input.stageId), actor, (edit) => {
      const stage = edit.stage(input.stageId);
      replaceRubric(edit.em, stage, input.rubric);
      return stage;
    });
    return result;
  }

  async addStage(actor: Actor, input: AddPlanStageInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(input.planId, actor, (edit) => {
      const stages = edit.plan.stages.getItems().sort((a, b) => a.order - b.order);
      const order = Math.min(input.order ?? stages.length + 1, stages.length + 1);
      for (const stage of stages) if (stage.order >= order) stage.order += 1;
      const stage = new PlanStage({
        plan: edit.plan,
        key: `custom-${Date.now().toString(36)}`,
        kind: input.kind,
        name: input.name,
        order,
        focusAreas: input.focusAreas,
        participants: input.participants,
        successCriteria: input.successCriteria,
        preparationTips: [],
        durationMinutes: input.durationMinutes,
        feedbackDueHours: input.feedbackDueHours,
        autoAdvance: input.autoAdvance,
        passThreshold: input.passThreshold ?? null,
      });
      edit.plan.stages.add(stage);
      if (input.rubric) replaceRubric(edit.em, stage, input.rubric);
    });
    return plan;
  }

  /** A skill that must be verified needs another stage to verify it (the plan rules check that). */
  async removeStage(actor: Actor, input: RemovePlanStageInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(await this.planOfStage(input.stageId), actor, async (edit) => {
      const stage = edit.stage(input.stageId);
      if (!edit.plan.isTemplate) await this.hooks.run('remove-copy-stage', { em: edit.em, plan: edit.plan, stage });
      for (const requirement of edit.plan.skillRequirements.getItems()) requirement.verifiedIn.remove(stage);
      edit.plan.stages.remove(stage);
      edit.em.remove(stage);
      edit.plan.stages
        .getItems()
        .sort((a, b) => a.order - b.order)
        .forEach((remaining, index) => (remaining.order = index + 1));
    });
    return plan;
  }

  async reorderStages(actor: Actor, input: ReorderPlanStagesInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(input.planId, actor, async (edit) => {
      const stages = input.stageIds.map((id) => edit.stage(id));
      if (new Set(stages).size !== edit.plan.stages.length || stages.length !== edit.plan.stages.length) {
        throw new BadUserInputException('List every stage of the plan exactly once.', {
          'input.stageIds': `expected the ${edit.plan.stages.length} stages of the plan, each once`,
        });
      }
      if (!edit.plan.isTemplate) {
        const moving = stages.filter((stage, index) => stage.order !== index + 1);
        await this.hooks.run('move-copy-stages', { em: edit.em, plan: edit.plan, stages: moving });
      }
      stages.forEach((stage, index) => (stage.order = index + 1));
    });
    return plan;
  }

  /** Adds or replaces what the plan requires of a skill, and where it is verified. */
  async setSkillRequirement(actor: Actor, input: SetSkillRequirementInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(input.planId, actor, async (edit) => {
      const skill = await edit.em.findOne(Skill, { id: input.skillId, archivedAt: null });
      if (!skill)
        throw new BadUserInputException(`Unknown skill ${input.skillId}.`, { 'input.skillId': 'unknown skill' });
      const stages = input.verifiedInStageIds.map((id) => edit.stage(id));
      let requirement = edit.plan.skillRequirements.getItems().find((candidate) => candidate.skill.id === skill.id);
      if (!requirement) {
        requirement = new SkillRequirement({
          plan: edit.plan,
          skill,
          position: edit.plan.skillRequirements.length,
          priority: input.priority,
          verificationMethod: input.verificationMethod,
          minimumRequirement: input.minimumRequirement ?? null,
          evaluationCriteria: input.evaluationCriteria,
        });
        edit.plan.skillRequirements.add(requirement);
      }
      Object.assign(requirement, {
        priority: input.priority,
        verificationMethod: input.verificationMethod,
        minimumRequirement: input.minimumRequirement ?? null,
        evaluationCriteria: input.evaluationCriteria,
      });
      requirement.verifiedIn.set(stages);
    });
    return plan;
  }

  /**
   * Takes a skill off the plan: interviewers stop giving a verdict on it. The skill stays in the bank;
   * positions created earlier keep their own requirement of it.
   */
  async removeSkillRequirement(actor: Actor, input: RemoveSkillRequirementInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(input.planId, actor, async (edit) => {
      const requirement = edit.plan.skillRequirements
        .getItems()
        .find((candidate) => candidate.skill.id === input.skillId);
      if (!requirement) {
        // Archived skills count: a plan may still require one, and removing it is how it goes.
        const skill = await edit.em.findOne(Skill, { id: input.skillId });
        throw new BadUserInputException(
          skill
            ? `The plan does not require ${skill.name}; there is nothing to remove. Reload the plan to see its skills.`
            : `Unknown skill ${input.skillId}; choose one of the skills the plan requires.`,
          { 'input.skillId': skill ? 'not required by this plan' : 'unknown skill' },
        );
      }
      requirement.verifiedIn.removeAll();
      edit.plan.skillRequirements.remove(requirement);
      edit.em.remove(requirement);
      edit.plan.skillRequirements
        .getItems()
        .sort((a, b) => a.position - b.position)
        .forEach((remaining, index) => (remaining.position = index));
    });
    return plan;
  }

  /** Sets the plan's reference figures (see SetPlanBenchmarksInput); wrong figures are BAD_USER_INPUT. */
  async setBenchmarks(actor: Actor, input: SetPlanBenchmarksInput): Promise<InterviewPlan> {
    const { plan } = await this.edit(input.planId, actor, (edit) => {
      const current: PlanBenchmarks = readPlanBenchmarks(edit.plan.benchmarks) ?? {
        overallSuccessRate: null,
        minWeeks: null,
        maxWeeks: null,
        stagePassRates: [],
        experienceLevelSuccessRates: [],
        note: null,
      };
      const next: PlanBenchmarks = {
        overallSuccessRate:
          input.overallSuccessRate === undefined ? current.overallSuccessRate : input.overallSuccessRate,
        minWeeks: input.minWeeks === undefined ? current.minWeeks : input.minWeeks,
        maxWeeks: input.maxWeeks === undefined ? current.maxWeeks : input.maxWeeks,
        stagePassRates:
          input.stagePassRates?.map((entry) => ({
            stageKey: edit.stage(entry.stageId).key,
            passRate: entry.passRate,
          })) ?? current.stagePassRates,
        experienceLevelSuccessRates:
          input.experienceLevelSuccessRates?.map((entry) => ({ ...entry })) ?? current.experienceLevelSuccessRates,
        note: input.note === undefined ? current.note : input.note,
      };
      const problems = benchmarkProblems(next);
      if (Object.keys(problems).length) {
        throw new BadUserInputException(
          'Some benchmark figures are out of range.',
          Object.fromEntries(Object.entries(problems).map(([field, problem]) => [`input.${field}`, problem])),
        );
      }
      edit.plan.benchmarks = readPlanBenchmarks(toStoredBenchmarks(next)) ? toStoredBenchmarks(next) : null;
    });
    return plan;
  }

  private async edit<Result>(planId: string, actor: Actor, change: (edit: PlanEdit) => Promise<Result> | Result) {
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
      if (isUniqueViolation(error)) {
        throw new ConflictException('Someone else changed this plan at the same moment; reload it and try again.');
      }
      throw error;
    }
  }

  private async planOfStage(stageId: string): Promise<string> {
    const stage = await this.em.findOne(PlanStage, { id: stageId });
    if (!stage) throw new NotFoundException('Plan stage', stageId);
    return stage.plan.id;
  }

  /** Where an edit lands, after checking the caller may make it. */
  private async target(em: EntityManager, plan: InterviewPlan, actor: Actor): Promise<InterviewPlan> {
    if (plan.isTemplate) {
      await this.access.require(actor, Permission.CatalogEdit, undefined, em);
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
    // A copy: its owner decides (fail closed when no module owns copies).
    if (this.hooks.count('edit-copy') === 0) throw new NotFoundException('Interview plan', plan.id);
    await this.hooks.run('edit-copy', { em, plan, actor });
    return plan;
  }
}
