import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { QuestionCategory, StageKind } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { CandidateQuestion } from './candidate-question.entity';
import { randomUUID } from 'node:crypto';
import type { CreatePlanTemplateInput, PracticalTaskInput, QuestionInput } from './graphql/catalog.input';
import { PracticalTask } from './practical-task.entity';
import { InterviewPlan } from './interview-plan.entity';
import { assertValidPlan, copyPlan, loadPlans } from './plan-graph';
import { Question } from './question.entity';
import { Skill } from './skill.entity';

@Injectable()
export class CatalogService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /** The latest version of every template that is not archived, by name. */
  async latestTemplates(): Promise<InterviewPlan[]> {
    const latest = await this.em.find(
      InterviewPlan,
      { isTemplate: true, supersededAt: null, archivedAt: null },
      { fields: ['id'], orderBy: { name: 'asc' } },
    );
    const plans = await loadPlans(
      this.em,
      latest.map((plan) => plan.id),
    );
    return plans.sort((a, b) => a.name.localeCompare(b.name));
  }

  async plan(id: string): Promise<InterviewPlan> {
    const [plan] = await loadPlans(this.em, [id]);
    if (!plan) throw new NotFoundException('Interview plan', id);
    return plan;
  }

  /** One template version by id; null for a position's plan, an unknown id, or an id that is none. */
  async template(id: string): Promise<InterviewPlan | null> {
    const plan = await this.plan(id).catch(() => null);
    return plan?.isTemplate ? plan : null;
  }

  questions(filter: { category?: QuestionCategory | null; skillId?: string | null }): Promise<Question[]> {
    return this.em.find(
      Question,
      {
        archivedAt: null,
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.skillId ? { skills: { id: filter.skillId } } : {}),
      },
      { populate: ['skills'], orderBy: { category: 'asc', prompt: 'asc' } },
    );
  }

  skills(): Promise<Skill[]> {
    return this.em.find(Skill, { archivedAt: null }, { orderBy: { name: 'asc' } });
  }

  candidateQuestions(stageKind?: StageKind | null): Promise<CandidateQuestion[]> {
    return this.em.find(CandidateQuestion, stageKind ? { stageKinds: { $contains: [stageKind] } } : {}, {
      orderBy: { prompt: 'asc' },
    });
  }

  async createSkill(actor: Actor, input: { name: string; description: string }): Promise<Skill> {
    await this.assertCanEdit(actor);
    const skill = new Skill({ name: input.name.trim(), description: input.description });
    await this.em.persistAndFlush(skill);
    return skill;
  }

  async saveQuestion(actor: Actor, input: QuestionInput, questionId?: string): Promise<Question> {
    await this.assertCanEdit(actor);
    const skills = await this.em.find(Skill, { id: { $in: input.skillIds }, archivedAt: null });
    const unknown = input.skillIds.filter((id) => !skills.some((skill) => skill.id === id));
    if (unknown.length) {
      throw new BadUserInputException(`Unknown skill ${unknown.join(', ')}.`, {
        'input.skillIds': `unknown skill ${unknown.join(', ')}`,
      });
    }
    const fields = {
      category: input.category,
      prompt: input.prompt,
      whatInterviewerWants: input.whatInterviewerWants,
      keyPoints: input.keyPoints,
      goodAnswerExample: input.goodAnswerExample ?? null,
      badAnswerExample: input.badAnswerExample ?? null,
      followUps: input.followUps,
      redFlags: input.redFlags,
      star: input.star ? { ...input.star } : null,
    };
    let question: Question;
    if (questionId) {
      const found = await this.em.findOne(Question, { id: questionId }, { populate: ['skills'] });
      if (!found) throw new NotFoundException('Question', questionId);
      question = Object.assign(found, fields);
    } else {
      question = new Question(fields);
      this.em.persist(question);
    }
    question.skills.set(skills);
    await this.em.flush();
    return question;
  }

  async archiveQuestion(actor: Actor, id: string): Promise<Question> {
    await this.assertCanEdit(actor);
    const question = await this.em.findOne(Question, { id }, { populate: ['skills'] });
    if (!question) throw new NotFoundException('Question', id);
    question.archivedAt ??= new Date();
    await this.em.flush();
    return question;
  }

  /** A new template family at version 1, empty or copied from another template. */
  async createTemplate(actor: Actor, input: CreatePlanTemplateInput): Promise<InterviewPlan> {
    await this.assertCanEdit(actor);
    const id = await this.em.transactional(async (em) => {
      let plan: InterviewPlan;
      if (input.copyFromTemplateId) {
        const [source] = await loadPlans(em, [input.copyFromTemplateId]);
        if (!source?.isTemplate) {
          throw new BadUserInputException('Unknown template to copy from.', {
            'input.copyFromTemplateId': 'no interview plan template has this id',
          });
        }
        plan = copyPlan(em, source, { isTemplate: true, family: randomUUID(), version: 1 });
        plan.builtInKey = null;
      } else {
        plan = new InterviewPlan({ name: input.name, family: randomUUID(), version: 1, isTemplate: true });
        em.persist(plan);
      }
      plan.name = input.name.trim();
      plan.description = input.description;
      assertValidPlan(plan);
      await em.flush();
      return plan.id;
    });
    return this.plan(id);
  }

  async savePracticalTask(actor: Actor, input: PracticalTaskInput, taskId?: string): Promise<PracticalTask> {
    await this.assertCanEdit(actor);
    if (input.minDurationHours > input.maxDurationHours) {
      throw new BadUserInputException('The shortest duration cannot exceed the longest.', {
        'input.minDurationHours': `${input.minDurationHours} is more than maxDurationHours ${input.maxDurationHours}`,
      });
    }
    const { skillIds, ...content } = input;
    const skills = await this.em.find(Skill, { id: { $in: skillIds }, archivedAt: null });
    const unknown = skillIds.filter((id) => !skills.some((skill) => skill.id === id));
    if (unknown.length) {
      throw new BadUserInputException(`Unknown skill ${unknown.join(', ')}.`, {
        'input.skillIds': `unknown skill ${unknown.join(', ')}`,
      });
    }
    let task: PracticalTask;
    if (taskId) {
      const found = await this.em.findOne(PracticalTask, { id: taskId }, { populate: ['skills'] });
      if (!found) throw new NotFoundException('Practical task', taskId);
      task = Object.assign(found, content);
    } else {
      task = new PracticalTask({ ...content });
      this.em.persist(task);
    }
    task.skills.set(skills);
    await this.em.flush();
    return task;
  }

  /** Tasks of the bank not archived, by title; a filter keeps those that name the stage kind / skill. */
  practicalTasks(filter: { stageKind?: StageKind | null; skillId?: string | null }): Promise<PracticalTask[]> {
    return this.em.find(
      PracticalTask,
      {
        archivedAt: null,
        ...(filter.stageKind ? { stageKinds: { $contains: [filter.stageKind] } } : {}),
        ...(filter.skillId ? { skills: { id: filter.skillId } } : {}),
      },
      { orderBy: { title: 'asc', id: 'asc' } },
    );
  }

  async archivePracticalTask(actor: Actor, id: string): Promise<PracticalTask> {
    await this.assertCanEdit(actor);
    const task = await this.em.findOne(PracticalTask, { id });
    if (!task) throw new NotFoundException('Practical task', id);
    task.archivedAt ??= new Date();
    await this.em.flush();
    return task;
  }

  async updateSkill(actor: Actor, input: { skillId: string; name?: string; description?: string }): Promise<Skill> {
    await this.assertCanEdit(actor);
    const skill = await this.em.findOne(Skill, { id: input.skillId });
    if (!skill) throw new NotFoundException('Skill', input.skillId);
    if (input.name !== undefined) skill.name = input.name.trim();
    if (input.description !== undefined) skill.description = input.description;
    await this.em.flush();
    return skill;
  }

  async archiveSkill(actor: Actor, id: string): Promise<Skill> {
    await this.assertCanEdit(actor);
    const skill = await this.em.findOne(Skill, { id });
    if (!skill) throw new NotFoundException('Skill', id);
    skill.archivedAt ??= new Date();
    await this.em.flush();
    return skill;
  }

  async archiveTemplate(actor: Actor, id: string): Promise<InterviewPlan> {
    await this.assertCanEdit(actor);
    const plan = await this.plan(id);
    if (!plan.isTemplate) throw new NotFoundException('Interview plan template', id);
    await this.em.nativeUpdate(InterviewPlan, { family: plan.family, archivedAt: null }, { archivedAt: new Date() });
    return this.plan(id);
  }

  private assertCanEdit(actor: Actor): Promise<void> {
    return this.access.require(actor, Permission.CatalogEdit);
  }
}
