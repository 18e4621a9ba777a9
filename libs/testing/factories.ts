import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  ApplicationStatus,
  CompanyProfile,
  ExperienceLevel,
  InterviewStatus,
  PositionStatus,
  Recommendation,
  Role,
  ScorecardStatus,
  SkillPriority,
  SkillVerdict,
  StageKind,
  StageOutcome,
  weightedScore,
} from '../domain';
import {
  BuiltInCatalogService,
  copyPlan,
  InterviewPlan,
  loadPlans,
  PlanStage,
  readBuiltInPlan,
  Rubric,
  RubricCriterion,
  Skill,
  SkillRequirement,
} from '../../src/modules/catalog';
import { Candidate } from '../../src/modules/candidates';
import { PasswordHasher, User } from '../../src/modules/identity';
import { Application, ApplicationTransition, StageVisit } from '../../src/modules/pipeline';
import { Position } from '../../src/modules/positions';
import { Interview, InterviewPanelist } from '../../src/modules/scheduling';
import { ApplicationSkillVerdict, Scorecard } from '../../src/modules/scorecards';

/** The password of every user the factories create, so any of them can sign in. */
export const TEST_PASSWORD = 'correct-horse-battery';

const HOUR = 3_600_000;
/** The labels of the built-in rubrics; the stage decision reads "Meets" as the bar. */
const LEVEL_LABELS = ['Does not meet', 'Partially meets', 'Meets', 'Exceeds'];

let sequence = 0;
/** A number unique within the test process, for unique emails and non-overlapping times. */
const nextNumber = () => (sequence += 1);

// One argon2 hash for the whole process: hashing is slow on purpose, and the password is the same.
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= new PasswordHasher().hash(TEST_PASSWORD));

export interface StageSpec {
  name?: string;
  kind?: StageKind;
  autoAdvance?: boolean;
  /** On the 1..4 scale; 2.5 unless given. */
  passThreshold?: number;
  /** One criterion per weight; [1, 1] unless given. */
  criterionWeights?: number[];
}

export interface SkillSpec {
  name: string;
  priority?: SkillPriority;
  /** Indexes of the stages that verify it. */
  verifiedIn: number[];
}

/**
 * Rows for service and e2e tests, written straight through MikroORM with sensible defaults; every
 * option overrides one. Each call uses its own EntityManager and returns what it persisted (ids,
 * and the relations it built itself); read anything else back with `em()`.
 */
export class Factories {
  constructor(private readonly orm: MikroORM) {}

  /** A fresh EntityManager for reading back what a test did. */
  em(): EntityManager {
    return this.orm.em.fork();
  }

  async user(
    options: {
      email?: string;
      name?: string;
      roles?: Role[];
      timezone?: string;
      /** TEST_PASSWORD unless given. */
      password?: string;
      deactivatedAt?: Date | null;
    } = {},
  ): Promise<User> {
    const email = (options.email ?? `user-${nextNumber()}@example.com`).toLowerCase();
    const user = new User({
      email,
      name: options.name ?? email.split('@')[0]!,
      roles: options.roles ?? [Role.INTERVIEWER],
      timezone: options.timezone,
      passwordHash: options.password ? await new PasswordHasher().hash(options.password) : await testPasswordHash(),
    });
    user.deactivatedAt = options.deactivatedAt ?? null;
    await this.em().persistAndFlush(user);
    return user;
  }

  admin(options: Parameters<Factories['user']>[0] = {}): Promise<User> {
    return this.user({ roles: [Role.ADMIN], ...options });
  }

  recruiter(options: Parameters<Factories['user']>[0] = {}): Promise<User> {
    return this.user({ roles: [Role.RECRUITER], ...options });
  }

  hiringManager(options: Parameters<Factories['user']>[0] = {}): Promise<User> {
    return this.user({ roles: [Role.HIRING_MANAGER], ...options });
  }

  interviewer(options: Parameters<Factories['user']>[0] = {}): Promise<User> {
    return this.user({ roles: [Role.INTERVIEWER], ...options });
  }

  /** The built-in Backend Developer template, loaded through BuiltInCatalogService (idempotent). */
  async builtInPlan(): Promise<InterviewPlan> {
    await new BuiltInCatalogService(this.orm).load();
    const { key } = readBuiltInPlan('backend-developer.plan.json');
    return this.em().findOneOrFail(InterviewPlan, { builtInKey: key, isTemplate: true, supersededAt: null });
  }

  /**
   * A small template: two stages unless given, each with a 1..4 rubric whose levels are labelled as
   * the built-in ones, and optionally skills the stages verify.
   */
  async planTemplate(
    options: { name?: string; stages?: StageSpec[]; skills?: SkillSpec[] } = {},
  ): Promise<InterviewPlan> {
    const em = this.em();
    const number = nextNumber();
    const plan = new InterviewPlan({
      name: options.name ?? `Plan ${number}`,
      family: randomUUID(),
      version: 1,
      isTemplate: true,
    });
    em.persist(plan);
    const specs = options.stages ?? [{ name: 'Screen', kind: StageKind.HR_SCREEN }, { name: 'Technical' }];
    const stages = specs.map((spec, index) => {
      const stage = new PlanStage({
        plan,
        key: `stage-${index + 1}`,
        kind: spec.kind ?? StageKind.TECHNICAL,
        name: spec.name ?? `Stage ${index + 1}`,
        order: index + 1,
        focusAreas: ['Focus'],
        participants: ['Interviewer'],
        successCriteria: ['Success'],
        preparationTips: [],
        durationMinutes: 60,
        feedbackDueHours: 24,
        autoAdvance: spec.autoAdvance ?? false,
        passThreshold: spec.passThreshold ?? 2.5,
      });
      plan.stages.add(stage);
      const rubric = new Rubric({ stage, name: `${stage.name} rubric`, scaleMin: 1, scaleMax: 4 });
      stage.rubric = rubric;
      em.persist(rubric);
      (spec.criterionWeights ?? [1, 1]).forEach((weight, position) =>
        rubric.criteria.add(
          new RubricCriterion({
            rubric,
            key: `criterion-${index + 1}-${position + 1}`,
            position,
            name: `Criterion ${index + 1}.${position + 1}`,
            description: 'What the panel judges',
            weight,
            levels: LEVEL_LABELS.map((label, level) => ({ score: level + 1, label, description: label })),
            covers: ['Success'],
          }),
        ),
      );
      return stage;
    });
    (options.skills ?? []).forEach((spec, position) => {
      const requirement = new SkillRequirement({
        plan,
        skill: new Skill({ name: spec.name, key: `skill-${number}-${position}` }),
        position,
        priority: spec.priority ?? SkillPriority.MUST_VERIFY,
        verificationMethod: 'Interview',
        minimumRequirement: null,
        evaluationCriteria: ['Evidence'],
      });
      for (const index of spec.verifiedIn) requirement.verifiedIn.add(stages[index]!);
      plan.skillRequirements.add(requirement);
    });
    await em.flush();
    return plan;
  }

  /**
   * A position with its own copy of a template (the built-in plan unless given), as
   * PositionsService.create makes it, and its team: a new hiring manager and recruiter unless given.
   * OPEN unless told otherwise.
   */
  async position(
    options: {
      template?: InterviewPlan;
      hiringManager?: User;
      recruiters?: User[];
      status?: PositionStatus;
      title?: string;
      level?: ExperienceLevel;
      companyProfile?: CompanyProfile;
    } = {},
  ): Promise<Position> {
    const template = options.template ?? (await this.builtInPlan());
    const hiringManager = options.hiringManager ?? (await this.hiringManager());
    const recruiters = options.recruiters ?? [await this.recruiter()];
    const em = this.em();
    const [source] = await loadPlans(em, [template.id]);
    const companyProfile = options.companyProfile ?? CompanyProfile.STARTUP;
    const plan = copyPlan(em, source!, {
      isTemplate: false,
      family: randomUUID(),
      version: 1,
      profile: companyProfile,
    });
    const position = new Position({
      title: options.title ?? 'Backend Developer',
      level: options.level ?? ExperienceLevel.SENIOR,
      companyProfile,
      hiringManager: em.merge(hiringManager),
      plan,
    });
    position.recruiters.set(recruiters.map((recruiter) => em.merge(recruiter)));
    position.status = options.status ?? PositionStatus.OPEN;
    if (position.status !== PositionStatus.DRAFT) position.openedAt = new Date();
    if (position.status === PositionStatus.CLOSED) position.closedAt = new Date();
    em.persist(position);
    await em.flush();
    return position;
  }

  /** The stages of a position's plan in order, with their rubrics' criteria. */
  stagesOf(position: Position): Promise<PlanStage[]> {
    return this.em().find(
      PlanStage,
      { plan: position.plan.id },
      { orderBy: { order: 'asc' }, populate: ['rubric.criteria'] },
    );
  }

  async candidate(
    options: {
      name?: string;
      email?: string;
      experienceLevel?: ExperienceLevel;
      phone?: string | null;
      source?: string | null;
    } = {},
  ): Promise<Candidate> {
    const number = nextNumber();
    const candidate = new Candidate({
      name: options.name ?? `Casey Candidate ${number}`,
      email: (options.email ?? `candidate-${number}@example.net`).toLowerCase(),
      experienceLevel: options.experienceLevel ?? ExperienceLevel.SENIOR,
    });
    candidate.phone = options.phone === undefined ? '+49 30 1234' : options.phone;
    candidate.source = options.source ?? null;
    await this.em().persistAndFlush(candidate);
    return candidate;
  }

  /**
   * An application whose earlier stages were passed and whose visit of `stage` (0-based; the first
   * unless given) is open; 'done' passes every stage, so only the hire remains. A new candidate
   * unless given. The log holds the apply and one advance per passed stage.
   */
  async application(options: {
    position: Position;
    candidate?: Candidate;
    stage?: number | 'done';
    status?: ApplicationStatus.ACTIVE | ApplicationStatus.ON_HOLD;
  }): Promise<Application> {
    const candidate = options.candidate ?? (await this.candidate());
    const stages = await this.stagesOf(options.position);
    const at = options.stage === 'done' ? stages.length : (options.stage ?? 0);
    if (at > stages.length) throw new Error(`The plan has ${stages.length} stages; there is no stage ${at}.`);
    const em = this.em();
    const application = new Application({
      candidate: em.getReference(Candidate, candidate.id),
      position: em.getReference(Position, options.position.id),
      experienceLevel: candidate.experienceLevel,
    });
    // Applied a few hours ago, one hour per passed stage, so the history reads in order.
    const appliedAt = new Date(Date.now() - (at + 1) * HOUR);
    application.appliedAt = appliedAt;
    application.status = options.status ?? ApplicationStatus.ACTIVE;
    application.currentStage = at < stages.length ? em.getReference(PlanStage, stages[at]!.id) : null;
    em.persist(application);
    const log = (action: string, fromStageId: string | null, toStageId: string | null) =>
      em.persist(
        new ApplicationTransition({
          application,
          action,
          fromStatus: ApplicationStatus.ACTIVE,
          toStatus: ApplicationStatus.ACTIVE,
          fromStageId,
          toStageId,
          actor: null,
          reason: null,
        }),
      );
    log('apply', null, stages[0]?.id ?? null);
    stages.slice(0, Math.min(at + 1, stages.length)).forEach((stage, index) => {
      const visit = new StageVisit(
        application,
        em.getReference(PlanStage, stage.id),
        new Date(appliedAt.getTime() + index * HOUR),
      );
      if (index < at) {
        Object.assign(visit, {
          exitedAt: new Date(appliedAt.getTime() + (index + 1) * HOUR),
          outcome: StageOutcome.PASSED,
        });
        log('advance', stage.id, stages[index + 1]?.id ?? null);
      }
      em.persist(visit);
    });
    await em.flush();
    return application;
  }

  /**
   * An interview of the application's current stage (unless `stage` is given) with a panel. In the
   * future (SCHEDULED) unless `when` is 'past' (COMPLETED unless `status` says otherwise) or exact
   * times. Default times never overlap another factory interview's, so panels do not clash by chance.
   */
  async interview(options: {
    application: Application;
    panel: User[];
    when?: 'past' | 'future' | { startsAt: Date; endsAt: Date };
    status?: InterviewStatus;
    stage?: PlanStage;
  }): Promise<Interview> {
    const em = this.em();
    const application = await em.findOneOrFail(Application, options.application.id);
    const stage = options.stage ? em.getReference(PlanStage, options.stage.id) : application.currentStage;
    if (!stage) throw new Error('The application is in no stage; name the stage of the interview.');
    const when = options.when ?? 'future';
    const slot = nextNumber();
    const startsAt =
      when === 'past'
        ? new Date(Date.now() - 3 * HOUR - slot * 2 * HOUR)
        : when === 'future'
          ? new Date(Date.now() + 24 * HOUR + slot * 2 * HOUR)
          : when.startsAt;
    const endsAt = typeof when === 'object' ? when.endsAt : new Date(startsAt.getTime() + HOUR);
    const interview = new Interview({ application, stage, startsAt, endsAt, location: 'Room 4' });
    interview.status = options.status ?? (when === 'past' ? InterviewStatus.COMPLETED : InterviewStatus.SCHEDULED);
    em.persist(interview);
    for (const interviewer of options.panel) {
      const panelist = new InterviewPanelist(interview, em.getReference(User, interviewer.id));
      panelist.blocksCalendar = interview.status === InterviewStatus.SCHEDULED;
      interview.panel.add(panelist);
    }
    await em.flush();
    return interview;
  }

  /**
   * One panelist's scorecard for an interview: every criterion of the stage's rubric at `score`
   * (3, "Meets", unless given), every skill the stage verifies with `skillVerdict` (VERIFIED when
   * the score meets the bar, NOT_VERIFIED below it), and a recommendation (YES unless given).
   * DRAFT unless told SUBMITTED; a submitted one has its weighted score and skill evidence, as
   * ScorecardsService writes them.
   */
  async scorecard(options: {
    interview: Interview;
    interviewer: User;
    status?: ScorecardStatus;
    score?: number;
    recommendation?: Recommendation | null;
    skillVerdict?: SkillVerdict;
    notes?: string | null;
  }): Promise<Scorecard> {
    const em = this.em();
    const interview = await em.findOneOrFail(Interview, options.interview.id, {
      populate: ['stage.rubric.criteria', 'application'],
    });
    const score = options.score ?? 3;
    const criteria = interview.stage.rubric?.criteria.getItems() ?? [];
    const skills = await em.find(SkillRequirement, { verifiedIn: interview.stage.id });
    const skillVerdict = options.skillVerdict ?? (score >= 3 ? SkillVerdict.VERIFIED : SkillVerdict.NOT_VERIFIED);
    const scorecard = new Scorecard(
      interview,
      em.getReference(User, options.interviewer.id),
      new Date(interview.endsAt.getTime() + interview.stage.feedbackDueHours * HOUR),
    );
    Object.assign(scorecard, {
      ratings: criteria.map((criterion) => ({ criterionId: criterion.id, score, evidence: `Seen: ${criterion.name}` })),
      skillVerdicts: skills.map((requirement) => ({
        skillId: requirement.skill.id,
        verdict: skillVerdict,
        evidence: 'observed',
      })),
      recommendation: options.recommendation === undefined ? Recommendation.YES : options.recommendation,
      notes: options.notes ?? null,
      status: options.status ?? ScorecardStatus.DRAFT,
    });
    em.persist(scorecard);
    if (scorecard.status === ScorecardStatus.SUBMITTED) {
      scorecard.submittedAt = new Date();
      scorecard.weightedScore = weightedScore(
        scorecard.ratings,
        criteria.map((criterion) => ({ criterionId: criterion.id, name: criterion.name, weight: criterion.weight })),
      );
      for (const entry of scorecard.skillVerdicts) {
        const verdict = new ApplicationSkillVerdict({
          application: interview.application,
          skill: em.getReference(Skill, entry.skillId),
          stage: interview.stage,
          verdict: entry.verdict,
        });
        Object.assign(verdict, { evidence: entry.evidence, scorecard, interviewer: scorecard.interviewer });
        em.persist(verdict);
      }
    }
    await em.flush();
    return scorecard;
  }
}
