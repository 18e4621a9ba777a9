import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, MikroORM } from '@mikro-orm/postgresql';
import { CompanyProfile, ExperienceLevel, PositionStatus, Role } from '../../../libs/domain';
import { InterviewPlan } from '../catalog';
import { User, UserService } from '../identity';
import { Position, PositionsService } from '../positions';
import type { Actor } from '../../common/auth/actor';
import { Candidate, CandidatesService } from '../candidates';
import { PipelineService } from '../pipeline';

/** Demo accounts, one per role. Their passwords are published in the README: never in production. */
export const DEMO_USERS = [
  {
    email: 'recruiter@demo.interview-pipeline.dev',
    name: 'Rita Recruiter',
    roles: [Role.RECRUITER],
    timezone: 'Europe/London',
  },
  {
    email: 'manager@demo.interview-pipeline.dev',
    name: 'Harold Manager',
    roles: [Role.HIRING_MANAGER],
    timezone: 'Europe/Berlin',
  },
  {
    email: 'interviewer@demo.interview-pipeline.dev',
    name: 'Ines Interviewer',
    roles: [Role.INTERVIEWER],
    timezone: 'America/New_York',
  },
  {
    email: 'lead@demo.interview-pipeline.dev',
    name: 'Lars Lead',
    roles: [Role.INTERVIEWER],
    timezone: 'Europe/Berlin',
  },
  { email: 'admin@demo.interview-pipeline.dev', name: 'Ada Admin', roles: [Role.ADMIN], timezone: 'UTC' },
] as const;
export const DEMO_PASSWORD = 'demo-password-2026';

const DEMO_CANDIDATES = [
  {
    name: 'Priya Raman',
    email: 'priya.raman@example.net',
    experienceLevel: ExperienceLevel.SENIOR,
    experienceYears: 8,
    source: 'referral',
  },
  {
    name: 'Tomasz Nowak',
    email: 'tomasz.nowak@example.net',
    experienceLevel: ExperienceLevel.MID,
    experienceYears: 4,
    source: 'job board',
  },
  {
    name: 'Amara Okafor',
    email: 'amara.okafor@example.net',
    experienceLevel: ExperienceLevel.STAFF,
    experienceYears: 12,
    source: 'sourcing',
  },
  {
    name: 'Lucas Martin',
    email: 'lucas.martin@example.net',
    experienceLevel: ExperienceLevel.JUNIOR,
    experienceYears: 1,
    source: 'careers page',
  },
];

const DEMO_POSITIONS = [
  {
    title: 'Senior Backend Developer (Payments)',
    level: ExperienceLevel.SENIOR,
    companyProfile: CompanyProfile.STARTUP,
    open: true,
  },
  {
    title: 'Backend Developer (Core Platform)',
    level: ExperienceLevel.MID,
    companyProfile: CompanyProfile.ENTERPRISE,
    open: true,
  },
  {
    title: 'Backend Developer (Client Projects)',
    level: ExperienceLevel.JUNIOR,
    companyProfile: CompanyProfile.AGENCY,
    open: false,
  },
];

/** Loads demo data; every step is idempotent, so it runs at each start. */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly users: UserService,
    private readonly positions: PositionsService,
    private readonly candidates: CandidatesService,
    private readonly pipeline: PipelineService,
  ) {}

  async load(): Promise<void> {
    const em = this.orm.em.fork();
    let created = 0;
    for (const demo of DEMO_USERS) {
      if (await em.findOne(User, { email: demo.email })) continue;
      await this.users.create({ ...demo, roles: [...demo.roles], password: DEMO_PASSWORD }, em);
      created += 1;
    }
    if (created) this.logger.log(`Demo data: created ${created} users (password ${DEMO_PASSWORD}).`);
    await this.loadPositions();
  }

  /** The demo recruiter, hiring manager and interviewers by id (load first). */
  async people(): Promise<{ recruiterId: string; hiringManagerId: string; interviewerIds: string[] }> {
    const em = this.orm.em.fork();
    const users = await em.find(User, { email: { $in: DEMO_USERS.map((demo) => demo.email) } });
    const id = (email: string) => users.find((user) => user.email === email)!.id;
    return {
      recruiterId: id(DEMO_USERS[0].email),
      hiringManagerId: id(DEMO_USERS[1].email),
      interviewerIds: [id(DEMO_USERS[2].email), id(DEMO_USERS[3].email)],
    };
  }

  // Positions are created through PositionsService, which works in a request's unit of work.
  @CreateRequestContext()
  private async loadPositions(): Promise<void> {
    const em = this.orm.em.fork();
    const recruiter = await em.findOneOrFail(User, { email: DEMO_USERS[0].email });
    const manager = await em.findOneOrFail(User, { email: DEMO_USERS[1].email });
    const template = await em.findOne(InterviewPlan, {
      builtInKey: 'backend-developer',
      isTemplate: true,
      supersededAt: null,
    });
    if (!template) return;
    const actor = { kind: 'user' as const, userId: recruiter.id, roles: recruiter.roles };
    for (const demo of DEMO_POSITIONS) {
      if (await em.findOne(Position, { title: demo.title })) continue;
      const position = await this.positions.create(actor, {
        title: demo.title,
        level: demo.level,
        companyProfile: demo.companyProfile,
        hiringManagerId: manager.id,
        recruiterIds: [recruiter.id],
        planTemplateId: template.id,
      });
      if (demo.open && position.status === PositionStatus.DRAFT) await this.positions.open(actor, position.id);
    }
    await this.loadCandidates(actor);
  }

  /** Candidates applying to the open positions, one of them a stage further along. */
  private async loadCandidates(actor: Actor): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(Candidate, { email: { $in: DEMO_CANDIDATES.map((demo) => demo.email) } })) > 0) return;
    const open = await em.find(Position, { status: PositionStatus.OPEN }, { orderBy: { title: 'asc' } });
    for (const [index, demo] of DEMO_CANDIDATES.entries()) {
      const candidate = await this.candidates.create(actor, demo);
      const position = open[index % open.length];
      if (!position) continue;
      const application = await this.pipeline.apply(actor, { candidateId: candidate.id, positionId: position.id });
      if (index === 0) await this.pipeline.transition(actor, application.id, 'advance', { reason: 'Strong screen' });
    }
  }
}
