import { Role } from '../../../libs/domain';

/** What an actor may do to a record. Each service method and field resolver asks for one first. */
export enum Permission {
  /** Templates, rubrics, questions, tasks and skills. */
  CatalogEdit = 'catalog.edit',
  /** Other users with their e-mail and roles, to staff panels and hiring teams. */
  UserList = 'user.list',
  /** Change, deactivate and reactivate users. */
  UserManage = 'user.manage',
  PositionCreate = 'position.create',
  PositionRead = 'position.read',
  /** The figures of a position's applications. */
  AnalyticsRead = 'analytics.read',
  /** Edit, open and close a position and its own plan. */
  PositionManage = 'position.manage',
  /** Add applications to a position. */
  PositionApply = 'position.apply',
  /** The interview kit of one stage of a position's plan (the subject is the stage). */
  StageKitRead = 'stage.kit.read',
  CandidateRead = 'candidate.read',
  /** E-mail, phone and recruiter notes. */
  CandidateContactRead = 'candidate.contact.read',
  CandidateWrite = 'candidate.write',
  ApplicationRead = 'application.read',
  /** The decisions on an application: advance, reject, hire. */
  ApplicationDecide = 'application.decide',
  /** The other moves: withdraw, hold, resume, skip a stage. */
  ApplicationMove = 'application.move',
  ApplicationSchedule = 'application.schedule',
  InterviewRead = 'interview.read',
  /** Reschedule and cancel. */
  InterviewManage = 'interview.manage',
  InterviewComplete = 'interview.complete',
  /** Write one's own scorecard for the interview. */
  InterviewScore = 'interview.score',
  /** A scorecard's content: ratings, evidence, verdicts, red flags, notes, amendments. */
  ScorecardRead = 'scorecard.read',
  /** A recorded skill verdict with its evidence (it comes from a submitted scorecard). */
  SkillVerdictRead = 'skill-verdict.read',
  /** A stage decision with its average and reasons. */
  StageDecisionRead = 'stage-decision.read',
  /** Why a stage visit ended: its reason and reason code. */
  StageVisitReasonRead = 'stage-visit.reason.read',
  NotificationRead = 'notification.read',
  /** Another user's e-mail and roles (names are visible to everyone signed in). */
  UserDetailsRead = 'user.details.read',
  /** The audit log. */
  AuditRead = 'audit.read',
  /** Everything held about a candidate, as one document. */
  CandidateDataExport = 'candidate.data.export',
  /** Erase a candidate's personal data, irreversibly. */
  CandidateErase = 'candidate.erase',
  /** The work queue of a position (myWorkQueue lists the positions the caller recruits for or manages). */
  WorkQueueRead = 'work-queue.read',
  /** Outbound webhook subscriptions and their deliveries. */
  WebhookManage = 'webhook.manage',
  /** E-mail deliveries and their failures (the dead letters). */
  MailDeliveryRead = 'mail-delivery.read',
}

/**
 * How an actor is tied to a record. Each has one SQL predicate in access-subjects.ts.
 * - hiringManager: the actor manages the record's position.
 * - recruiter: the actor recruits for the record's position.
 * - panelist: the actor sits on an interview of the record's application (any stage).
 * - interviewPanelist: the actor sits on this very interview.
 * - stagePanelist: the actor sits on an interview for this stage (of any application).
 * - stageReviewer: the actor submitted their own scorecard for the record's application and stage,
 *   and the record is submitted content.
 * - author: the actor wrote the record.
 * - self: the record is the actor, or addressed to the actor.
 * - blindPanelist: the actor sits on a live (scheduled or completed) interview of the record's
 *   application and stage, has not submitted their own scorecard for it, and did not write the record.
 */
export type Relation =
  | 'hiringManager'
  | 'recruiter'
  | 'panelist'
  | 'interviewPanelist'
  | 'stagePanelist'
  | 'stageReviewer'
  | 'author'
  | 'self'
  | 'blindPanelist';

/** The kind of record a permission's ids name; `none` for permissions that concern no record. */
export type Subject =
  | 'none'
  | 'position'
  | 'stage'
  | 'candidate'
  | 'application'
  | 'interview'
  | 'scorecard'
  | 'skillVerdict'
  | 'stageDecision'
  | 'stageVisit'
  | 'notification'
  | 'user';

export interface Rule {
  subject: Subject;
  /** Roles that grant the permission on every record. */
  roles: readonly Role[];
  /** Relations that grant it on the records the actor is tied to. */
  relations: readonly Relation[];
  /** Relations that take it away again, whatever granted it (blind review). */
  unless?: readonly Relation[];
  /** The FORBIDDEN message; read permissions have none and answer NOT_FOUND instead. */
  refusal?: string;
}

const { ADMIN, RECRUITER, HIRING_MANAGER } = Role;
const BLIND: readonly Relation[] = ['blindPanelist'];

/**
 * Who may do what: one row per permission. A role grants it everywhere, a relation on the records
 * the actor is tied to, and `unless` takes it back (a panelist who has not submitted their own
 * scorecard for a stage reads nobody else's work on it, whatever else they are). The system actor
 * (jobs) may do everything. Mirrored in docs/domain.md#who-sees-what.
 */
export const PERMISSIONS: Record<Permission, Rule> = {
  [Permission.CatalogEdit]: {
    subject: 'none',
    roles: [ADMIN, RECRUITER],
    relations: [],
    refusal: 'Only admins and recruiters edit the interview catalog.',
  },
  [Permission.UserManage]: {
    subject: 'none',
    roles: [ADMIN],
    relations: [],
    refusal: 'Only admins change, deactivate or reactivate users.',
  },
  [Permission.UserList]: {
    subject: 'none',
    roles: [ADMIN, RECRUITER, HIRING_MANAGER],
    relations: [],
    refusal: 'Only admins, recruiters and hiring managers can list users.',
  },
  [Permission.PositionCreate]: {
    subject: 'none',
    roles: [ADMIN, RECRUITER],
    relations: [],
    refusal: 'Only admins and recruiters open new positions.',
  },
  [Permission.PositionRead]: { subject: 'position', roles: [ADMIN, RECRUITER], relations: ['hiringManager'] },
  [Permission.AnalyticsRead]: { subject: 'position', roles: [ADMIN, RECRUITER], relations: ['hiringManager'] },
  [Permission.PositionManage]: {
    subject: 'position',
    roles: [ADMIN],
    relations: ['hiringManager', 'recruiter'],
    refusal: "Only the position's recruiters, its hiring manager and admins can change it.",
  },
  [Permission.PositionApply]: {
    subject: 'position',
    roles: [ADMIN],
    relations: ['recruiter'],
    refusal: "Only the position's recruiters and admins can add applications to it.",
  },
  [Permission.StageKitRead]: {
    subject: 'stage',
    roles: [ADMIN, RECRUITER],
    relations: ['hiringManager', 'stagePanelist'],
    refusal: 'Only the hiring team of this position and interviewers on a panel for this stage can read its kit.',
  },
  [Permission.CandidateRead]: {
    subject: 'candidate',
    roles: [ADMIN, RECRUITER],
    relations: ['hiringManager', 'panelist'],
  },
  [Permission.CandidateContactRead]: { subject: 'candidate', roles: [ADMIN, RECRUITER], relations: ['hiringManager'] },
  [Permission.CandidateWrite]: {
    subject: 'none',
    roles: [ADMIN, RECRUITER],
    relations: [],
    refusal: 'Only recruiters and admins add or change candidates.',
  },
  [Permission.ApplicationRead]: {
    subject: 'application',
    roles: [ADMIN, RECRUITER],
    relations: ['hiringManager', 'panelist'],
  },
  [Permission.ApplicationDecide]: {
    subject: 'application',
    roles: [ADMIN],
    relations: ['recruiter', 'hiringManager'],
    refusal: "Only the position's recruiters and its hiring manager decide on its applications.",
  },
  [Permission.ApplicationMove]: {
    subject: 'application',
    roles: [ADMIN],
    relations: ['recruiter'],
    refusal:
      "Only the position's recruiters and admins withdraw, hold, resume or skip; its hiring manager decides (advance, reject, hire).",
  },
  [Permission.ApplicationSchedule]: {
    subject: 'application',
    roles: [ADMIN],
    relations: ['recruiter'],
    refusal: "Only the position's recruiters and admins schedule its interviews.",
  },
  [Permission.InterviewRead]: {
    subject: 'interview',
    roles: [ADMIN, RECRUITER],
    relations: ['hiringManager', 'panelist'],
  },
  [Permission.InterviewManage]: {
    subject: 'interview',
    roles: [ADMIN],
    relations: ['recruiter'],
    refusal: "Only the position's recruiters and admins can change its interviews.",
  },
  [Permission.InterviewComplete]: {
    subject: 'interview',
    roles: [ADMIN],
    relations: ['recruiter', 'interviewPanelist'],
    refusal: "Only the position's recruiters, admins and the panel can complete an interview.",
  },
  [Permission.InterviewScore]: {
    subject: 'interview',
    roles: [],
    relations: ['interviewPanelist'],
    refusal: 'Only the panel of this interview writes its scorecards.',
  },
  [Permission.ScorecardRead]: {
    subject: 'scorecard',
    roles: [ADMIN],
    relations: ['author', 'hiringManager', 'recruiter', 'stageReviewer'],
    unless: BLIND,
    refusal: 'Scorecards are blind: submit your own for this stage before reading the others.',
  },
  [Permission.SkillVerdictRead]: {
    subject: 'skillVerdict',
    roles: [ADMIN, RECRUITER],
    relations: ['author', 'hiringManager', 'stageReviewer'],
    unless: BLIND,
  },
  [Permission.StageDecisionRead]: {
    subject: 'stageDecision',
    roles: [ADMIN],
    relations: ['hiringManager', 'recruiter', 'stageReviewer'],
    unless: BLIND,
  },
  [Permission.StageVisitReasonRead]: {
    subject: 'stageVisit',
    roles: [ADMIN, RECRUITER],
    relations: ['hiringManager', 'stageReviewer'],
    unless: BLIND,
  },
  [Permission.NotificationRead]: { subject: 'notification', roles: [], relations: ['self'] },
  [Permission.UserDetailsRead]: { subject: 'user', roles: [ADMIN, RECRUITER, HIRING_MANAGER], relations: ['self'] },
  [Permission.AuditRead]: {
    subject: 'none',
    roles: [ADMIN],
    relations: [],
    refusal: 'Only admins read the audit log.',
  },
  [Permission.CandidateDataExport]: {
    subject: 'none',
    roles: [ADMIN, RECRUITER],
    relations: [],
    refusal: "Only admins and recruiters export a candidate's data.",
  },
  [Permission.CandidateErase]: {
    subject: 'none',
    roles: [ADMIN, RECRUITER],
    relations: [],
    refusal: "Only admins and recruiters erase a candidate's data.",
  },
  [Permission.WorkQueueRead]: { subject: 'position', roles: [], relations: ['recruiter', 'hiringManager'] },
  [Permission.WebhookManage]: {
    subject: 'none',
    roles: [ADMIN],
    relations: [],
    refusal: 'Only admins manage webhooks.',
  },
  [Permission.MailDeliveryRead]: {
    subject: 'none',
    roles: [ADMIN],
    relations: [],
    refusal: 'Only admins read e-mail deliveries.',
  },
};
