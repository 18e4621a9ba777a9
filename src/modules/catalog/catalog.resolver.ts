import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, QuestionCategory, Role, StageKind } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
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
  RemoveSkillRequirementInput,
  ReorderPlanStagesInput,
  SetPlanBenchmarksInput,
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
import { CatalogLoaders } from './catalog.loaders';
import { PlanEditorService } from './plan-editor.service';

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
    const plan = await this.catalog.template(id);
    return plan && InterviewPlanType.from(plan);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [PracticalTaskType], {
    description:
      'The practical tasks of the bank (archived ones left out), by title; optionally only those that suit a kind of stage and those that exercise a skill. Every signed-in user, as for plan templates.',
  })
  async practicalTasks(
    @Args('stageKind', {
      type: () => StageKind,
      nullable: true,
      description: 'Only tasks that list this kind of stage.',
    })
    stageKind?: StageKind,
    @Args('skillId', { type: () => ID, nullable: true, description: 'Only tasks that exercise this skill.' })
    skillId?: string,
  ): Promise<PracticalTaskType[]> {
    return (await this.catalog.practicalTasks({ stageKind, skillId })).map((task) => PracticalTaskType.from(task));
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
    return { plan: InterviewPlanType.from(await this.editor.updateTemplate(actor, input)) };
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
    return { stage: PlanStageType.from(await this.editor.updateStage(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => PlanStagePayload, { description: "Replaces a stage's rubric." })
  async setStageRubric(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetStageRubricInput,
  ): Promise<PlanStagePayload> {
    return { stage: PlanStageType.from(await this.editor.setStageRubric(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload)
  async addPlanStage(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddPlanStageInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.editor.addStage(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload, {
    description: 'Removes a stage; a skill that must be verified needs another stage to verify it.',
  })
  async removePlanStage(
    @CurrentActor() actor: Actor,
    @Args('input') input: RemovePlanStageInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.editor.removeStage(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload)
  async reorderPlanStages(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReorderPlanStagesInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.editor.reorderStages(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload, {
    description:
      "Sets a plan's reference figures (overall success rate, weeks in process, rates by stage and by experience level). On a template this creates its next version; on a position it edits its own plan. Who: as for other plan edits.",
  })
  async setPlanBenchmarks(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The plan and the figures to change.' }) input: SetPlanBenchmarksInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.editor.setBenchmarks(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload, {
    description: 'Adds or replaces what the plan requires of a skill, and where it is verified.',
  })
  async setSkillRequirement(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetSkillRequirementInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.editor.setSkillRequirement(actor, input)) };
  }

  @Roles(...EDITORS)
  @Mutation(() => InterviewPlanPayload, {
    description:
      "Takes a skill off what the plan verifies. On a template this creates the template's next version; on a position it edits its own plan. Who: as for setSkillRequirement. NOT_FOUND for an unknown plan; BAD_USER_INPUT when the plan does not require the skill.",
  })
  async removeSkillRequirement(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The plan and the skill to take off it.' }) input: RemoveSkillRequirementInput,
  ): Promise<InterviewPlanPayload> {
    return { plan: InterviewPlanType.from(await this.editor.removeSkillRequirement(actor, input)) };
  }
}

@Resolver(() => PracticalTaskType)
export class PracticalTaskResolver {
  constructor(private readonly loaders: CatalogLoaders) {}

  @ResolveField(() => [SkillType], { description: 'The skills the task exercises, by name.' })
  skills(@Parent() task: PracticalTaskType, @Context() context: object): Promise<SkillType[]> {
    return this.loaders.taskSkills(context).load(task.id);
  }
}
