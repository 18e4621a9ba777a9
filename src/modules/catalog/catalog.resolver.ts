import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, QuestionCategory, Role, StageKind } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { BadUserInputException, ConflictException, NotFoundException } from '../../common/errors/domain.exception';
import { StageVisit } from '../pipeline/stage-visit.entity';
import { CatalogService } from './catalog.service';
import {
  AddPlanStageInput,
  ArchiveInput,
  CreatePlanTemplateInput,
  CreateSkillInput,
  PracticalTaskInput,
  UpdatePlanTemplateInput,
  UpdatePracticalTaskInput,
  UpdateSkillInput,
  QuestionInput,
  RemovePlanStageInput,
  ReorderPlanStagesInput,
  SetSkillRequirementInput,
  SetStageRubricInput,
  UpdatePlanStageInput,
  UpdateQuestionInput,
} from './graphql/catalog.input';
import {
  CandidateQuestionType,
  InterviewPlanPayload,
  InterviewPlanType,
  PlanStagePayload,
  PlanStageType,
  PracticalTaskType,
  QuestionPayload,
  QuestionType,
  SkillType,
} from './graphql/catalog.type';
import { PlanStage, SkillRequirement } from './interview-plan.entity';
import { PlanEditorService } from './plan-editor.service';
import { applyStageChanges, replaceRubric } from './plan-stage-changes';
import { Skill } from './skill.entity';

const EDITORS = [Role.ADMIN, Role.RECRUITER, Role.HIRING_MANAGER];

@Resolver()
export class CatalogResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly editor: PlanEditorService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [InterviewPlanType], { description: 'The latest version of every interview plan template.' })
  async planTemplates(): Promise<InterviewPlanType[]> {
    return (await this.catalog.latestTemplates()).map((plan) => InterviewPlanType.from(plan));
  }

  @Roles(...ALL_ROLES)
  @Query(() => [QuestionType], { description: 'The question bank, optionally by category and skill.' })
  async questions(
    @Args('category', { type: () => QuestionCategory, nullable: true }) category?: QuestionCategory,
    @Args('skillId', { type: () => ID, nullable: true }) skillId?: string,
  ): Promise<QuestionType[]> {
    return (await this.catalog.questions({ category, skillId })).map((question) => QuestionType.from(question));
  }

  @Roles(...ALL_ROLES)
  @Query(() => InterviewPlanType, {
    nullable: true,
    description: 'One template version by id (null for anything else).',
  })
  async planTemplate(@Args('id', { type: () => ID }) id: string): Promise<InterviewPlanType | null> {
    const plan = await this.catalog.plan(id).catch(() => null);
    return plan?.isTemplate ? InterviewPlanType.from(plan) : null;
  }

  @Roles(...ALL_ROLES)
  @Query(() => [SkillType])
  async skills(): Promise<SkillType[]> {
    return (await this.catalog.skills()).map((skill) => SkillType.from(skill));
  }

  @Roles(...ALL_ROLES)
  @Query(() => [CandidateQuestionType], {
    description: 'Questions candidates often ask, optionally for one kind of stage.',
  })
  async candidateQuestions(
    @Args('stageKind', { type: () => StageKind, nullable: true }) stageKind?: StageKind,
  ): Promise<CandidateQuestionType[]> {
    return (await this.catalog.candidateQuestions(stageKind)).map((question) => CandidateQuestionType.from(question));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => SkillType)
  async createSkill(@CurrentActor() actor: Actor, @Args('input') input: CreateSkillInput): Promise<SkillType> {
    return SkillType.from(await this.catalog.createSkill(actor, input));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => QuestionPayload)
  async createQuestion(@CurrentActor() actor: Actor, @Args('input') input: QuestionInput): Promise<QuestionPayload> {
    return { question: QuestionType.from(await this.catalog.saveQuestion(actor, input)) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => QuestionPayload, {
    description: 'Rewrites a question of the bank; every plan that asks it sees the change.',
  })
  async updateQuestion(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateQuestionInput,
  ): Promise<QuestionPayload> {
    return { question: QuestionType.from(await this.catalog.saveQuestion(actor, input.question, input.questionId)) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => QuestionPayload, { description: 'Hides a question from the bank; plans that ask it keep it.' })
  async archiveQuestion(@CurrentActor() actor: Actor, @Args('input') input: ArchiveInput): Promise<QuestionPayload> {
    return { question: QuestionType.from(await this.catalog.archiveQuestion(actor, input.id)) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => InterviewPlanPayload, {
    description: 'Archives every version of a template; positions keep their copies.',
  })
  async archivePlanTemplate(
    @CurrentActor() actor: Actor,
    @Args('input') input: ArchiveInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.catalog.archiveTemplate(actor, input.id)) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => InterviewPlanPayload, {
    description: 'Creates a template (version 1), empty or copied from another.',
  })
  async createPlanTemplate(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreatePlanTemplateInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.catalog.createTemplate(actor, input)) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => InterviewPlanPayload, {
    description: "Renames or re-describes a template; creates the template's next version.",
  })
  async updatePlanTemplate(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePlanTemplateInput,
  ): Promise<InterviewPlanPayload> {
    const { plan } = await this.editor.edit(input.planId, actor, (edit) => {
      if (!edit.plan.isTemplate) {
        throw new BadUserInputException("This is a position's plan, not a template.", {
          'input.planId': 'not a template',
        });
      }
      if (input.name !== undefined) edit.plan.name = input.name.trim();
      if (input.description !== undefined) edit.plan.description = input.description;
    });
    return { plan: InterviewPlanType.from(plan) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => PracticalTaskType)
  async createPracticalTask(
    @CurrentActor() actor: Actor,
    @Args('input') input: PracticalTaskInput,
  ): Promise<PracticalTaskType> {
    return PracticalTaskType.from(await this.catalog.savePracticalTask(actor, input));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => PracticalTaskType, {
    description: 'Rewrites a practical task; every stage that gives it sees the change.',
  })
  async updatePracticalTask(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePracticalTaskInput,
  ): Promise<PracticalTaskType> {
    return PracticalTaskType.from(await this.catalog.savePracticalTask(actor, input.task, input.taskId));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => PracticalTaskType, { description: 'Hides a task from new choices; stages that give it keep it.' })
  async archivePracticalTask(
    @CurrentActor() actor: Actor,
    @Args('input') input: ArchiveInput,
  ): Promise<PracticalTaskType> {
    return PracticalTaskType.from(await this.catalog.archivePracticalTask(actor, input.id));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => SkillType)
  async updateSkill(@CurrentActor() actor: Actor, @Args('input') input: UpdateSkillInput): Promise<SkillType> {
    return SkillType.from(await this.catalog.updateSkill(actor, input));
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => SkillType, {
    description: 'Hides a skill from new requirements and questions; plans that require it keep it.',
  })
  async archiveSkill(@CurrentActor() actor: Actor, @Args('input') input: ArchiveInput): Promise<SkillType> {
    return SkillType.from(await this.catalog.archiveSkill(actor, input.id));
  }

  @Roles(...EDITORS)
  @Mutation(() => PlanStagePayload, {
    description:
      "Edits a stage. On a template this creates the template's next version; on a position it edits its own plan.",
  })
  async updatePlanStage(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePlanStageInput,
  ): Promise<PlanStagePayload> {
    const planId = await this.planOfStage(input.stageId);
    const { result } = await this.editor.edit(planId, actor, async (edit) => {
      const stage = edit.stage(input.stageId);
      await applyStageChanges(edit.em, stage, input);
      return stage;
    });
    return { stage: PlanStageType.from(result) };
  }

  @Roles(...EDITORS)
  @Mutation(() => PlanStagePayload, { description: "Replaces a stage's rubric." })
  async setStageRubric(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetStageRubricInput,
  ): Promise<PlanStagePayload> {
    const planId = await this.planOfStage(input.stageId);
    const { result } = await this.editor.edit(planId, actor, (edit) => {
      const stage = edit.stage(input.stageId);
      replaceRubric(edit.em, stage, input.rubric);
      return stage;
    });
    return { stage: PlanStageType.from(result) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload)
  async addPlanStage(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddPlanStageInput,
  ): Promise<InterviewPlanPayload> {
    const { plan } = await this.editor.edit(input.planId, actor, (edit) => {
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
    return { plan: InterviewPlanType.from(plan) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload, {
    description: 'Removes a stage; a skill that must be verified needs another stage to verify it.',
  })
  async removePlanStage(
    @CurrentActor() actor: Actor,
    @Args('input') input: RemovePlanStageInput,
  ): Promise<InterviewPlanPayload> {
    const planId = await this.planOfStage(input.stageId);
    const { plan } = await this.editor.edit(planId, actor, async (edit) => {
      const stage = edit.stage(input.stageId);
      if (!edit.plan.isTemplate && (await edit.em.count(StageVisit, { stage })) > 0) {
        throw new ConflictException(`Applications have already been through "${stage.name}"; it cannot be removed.`);
      }
      for (const requirement of edit.plan.skillRequirements.getItems()) requirement.verifiedIn.remove(stage);
      edit.plan.stages.remove(stage);
      edit.em.remove(stage);
      edit.plan.stages
        .getItems()
        .sort((a, b) => a.order - b.order)
        .forEach((remaining, index) => (remaining.order = index + 1));
    });
    return { plan: InterviewPlanType.from(plan) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload)
  async reorderPlanStages(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReorderPlanStagesInput,
  ): Promise<InterviewPlanPayload> {
    const { plan } = await this.editor.edit(input.planId, actor, async (edit) => {
      const stages = input.stageIds.map((id) => edit.stage(id));
      if (new Set(stages).size !== edit.plan.stages.length || stages.length !== edit.plan.stages.length) {
        throw new BadUserInputException('List every stage of the plan exactly once.', {
          'input.stageIds': `expected the ${edit.plan.stages.length} stages of the plan, each once`,
        });
      }
      if (!edit.plan.isTemplate) {
        const visited = await edit.em.find(StageVisit, { stage: { $in: stages } }, { fields: ['stage'] });
        const moved = stages.filter(
          (stage, index) => stage.order !== index + 1 && visited.some((visit) => visit.stage.id === stage.id),
        );
        if (moved.length) {
          throw new ConflictException(
            `Applications have already been through "${moved[0]!.name}"; it keeps its place in the plan.`,
          );
        }
      }
      stages.forEach((stage, index) => (stage.order = index + 1));
    });
    return { plan: InterviewPlanType.from(plan) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload, {
    description: 'Adds or replaces what the plan requires of a skill, and where it is verified.',
  })
  async setSkillRequirement(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetSkillRequirementInput,
  ): Promise<InterviewPlanPayload> {
    const { plan } = await this.editor.edit(input.planId, actor, async (edit) => {
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
    return { plan: InterviewPlanType.from(plan) };
  }

  private async planOfStage(stageId: string): Promise<string> {
    const stage = await this.catalog.stage(stageId);
    if (!stage) throw new NotFoundException('Plan stage', stageId);
    return stage.plan.id;
  }
}
