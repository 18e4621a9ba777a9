// The generated rows, one interface per table; property names are the camelCase of the column
// names. Enum columns hold the string values of the domain enums (as the database does), so a
// member added to or removed from an enum in libs/domain changes these types with it.
import type {
  ApplicationStatus,
  CompanyProfile,
  ExperienceLevel,
  InterviewStatus,
  PipelineAction,
  PositionStatus,
  QuestionCategory,
  Recommendation,
  Role,
  ScorecardStatus,
  SkillPriority,
  SkillVerdict,
  StageDecisionOutcome,
  StageFailureCode,
  StageKind,
  StageOutcome,
  RejectionReason,
} from '../../../libs/domain';

interface Timestamps {
  createdAt: Date;
  updatedAt: Date;
}

export interface UserRow extends Timestamps {
  id: string;
  email: string;
  name: string;
  roles: Array<`${Role}`>;
  timezone: string;
  passwordHash: string;
  deactivatedAt: Date | null;
}

export interface SkillRow extends Timestamps {
  id: string;
  key: string;
  name: string;
  description: string;
  archivedAt: Date | null;
}

export interface QuestionRow extends Timestamps {
  id: string;
  key: string;
  category: `${QuestionCategory}`;
  prompt: string;
  whatInterviewerWants: string;
  keyPoints: string[];
  goodAnswerExample: string | null;
  badAnswerExample: string | null;
  followUps: string[];
  redFlags: string[];
  star: object | null;
  archivedAt: Date | null;
}

export interface InterviewPlanRow extends Timestamps {
  id: string;
  name: string;
  description: string;
  family: string;
  version: number;
  isTemplate: boolean;
  copiedFromId: string | null;
  supersededAt: Date | null;
  archivedAt: Date | null;
  builtInKey: string | null;
}

export interface PlanStageRow extends Timestamps {
  id: string;
  planId: string;
  key: string;
  kind: `${StageKind}`;
  name: string;
  order: number;
  focusAreas: string[];
  participants: string[];
  successCriteria: string[];
  preparationTips: string[];
  durationMinutes: number;
  feedbackDueHours: number;
  autoAdvance: boolean;
  passThreshold: number;
  interviewerWeighs: string[];
  revision: number;
}

export interface PlanStageQuestionRow extends Timestamps {
  id: string;
  stageId: string;
  questionId: string;
  position: number;
}

export interface RubricRow extends Timestamps {
  id: string;
  stageId: string;
  name: string;
  scaleMin: number;
  scaleMax: number;
}

export interface RubricLevelJson {
  score: number;
  label: string;
  description: string;
}

export interface RubricCriterionRow extends Timestamps {
  id: string;
  rubricId: string;
  key: string;
  position: number;
  name: string;
  description: string;
  weight: number;
  levels: RubricLevelJson[];
  covers: string[];
}

export interface SkillRequirementRow extends Timestamps {
  id: string;
  planId: string;
  skillId: string;
  position: number;
  priority: `${SkillPriority}`;
  verificationMethod: string;
  minimumRequirement: string | null;
  evaluationCriteria: string[];
}

export interface SkillRequirementVerifiedInRow {
  skillRequirementId: string;
  planStageId: string;
}

export interface PositionRow extends Timestamps {
  id: string;
  title: string;
  level: `${ExperienceLevel}`;
  companyProfile: `${CompanyProfile}`;
  status: `${PositionStatus}`;
  hiringManagerId: string;
  planId: string;
  openedAt: Date | null;
  closedAt: Date | null;
  revision: number;
}

export interface PositionRecruiterRow {
  positionId: string;
  userId: string;
}

export interface CandidateRow extends Timestamps {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  experienceYears: number;
  experienceLevel: `${ExperienceLevel}`;
  source: string;
  tags: string[];
  notes: string | null;
}

export interface ApplicationRow extends Timestamps {
  id: string;
  candidateId: string;
  positionId: string;
  status: `${ApplicationStatus}`;
  currentStageId: string | null;
  experienceLevel: `${ExperienceLevel}`;
  appliedAt: Date;
  decidedAt: Date | null;
  version: number;
}

export interface StageVisitRow extends Timestamps {
  id: string;
  applicationId: string;
  stageId: string;
  enteredAt: Date;
  exitedAt: Date | null;
  outcome: `${StageOutcome}` | null;
  decidedById: string | null;
  reason: string | null;
  /** Set exactly when the outcome is FAILED. */
  reasonCode: `${RejectionReason}` | null;
}

export interface InterviewRow extends Timestamps {
  id: string;
  applicationId: string;
  /** The application's candidate (repeated on the interview for the no-double-booking constraint). */
  candidateId: string;
  stageId: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  status: `${InterviewStatus}`;
  cancelReason: string | null;
  sequence: number;
  version: number;
}

export interface InterviewPanelistRow extends Timestamps {
  id: string;
  interviewId: string;
  interviewerId: string;
  startsAt: Date;
  endsAt: Date;
  blocksCalendar: boolean;
}

export interface RatingJson {
  criterionId: string;
  score: number;
  evidence: string | null;
}

export interface QuestionRatingJson {
  questionId: string;
  score: number;
  note: string | null;
}

export interface SkillVerdictJson {
  skillId: string;
  verdict: `${SkillVerdict}`;
  evidence: string | null;
}

export interface ScorecardRow extends Timestamps {
  id: string;
  interviewId: string;
  interviewerId: string;
  status: `${ScorecardStatus}`;
  ratings: RatingJson[];
  questionRatings: QuestionRatingJson[];
  skillVerdicts: SkillVerdictJson[];
  redFlags: string[];
  recommendation: `${Recommendation}` | null;
  notes: string | null;
  dueAt: Date;
  submittedAt: Date | null;
  weightedScore: number | null;
  version: number;
}

/** A skill verdict of a submitted scorecard, as the application's evidence (what the hire gate reads). */
export interface ApplicationSkillVerdictRow extends Timestamps {
  id: string;
  applicationId: string;
  skillId: string;
  stageId: string;
  verdict: `${SkillVerdict}`;
  evidence: string | null;
  scorecardId: string | null;
  interviewerId: string | null;
}

export interface StageDecisionRow extends Timestamps {
  id: string;
  visitId: string;
  applicationId: string;
  stageId: string;
  outcome: `${StageDecisionOutcome}`;
  average: number;
  reasons: string[];
  /** decideStage's failure code when FAILED, else null. */
  reasonCode: `${StageFailureCode}` | null;
  automatic: boolean;
  appliedAt: Date | null;
  outcomeApplied: boolean | null;
}

export interface ApplicationTransitionRow extends Timestamps {
  id: string;
  applicationId: string;
  action: PipelineAction | 'apply';
  fromStatus: `${ApplicationStatus}`;
  toStatus: `${ApplicationStatus}`;
  fromStageId: string | null;
  toStageId: string | null;
  actorId: string | null;
  reason: string | null;
}

/** Rows per table, in an order that satisfies the foreign keys when inserted front to back. */
export interface SyntheticHistory {
  users: UserRow[];
  skills: SkillRow[];
  questions: QuestionRow[];
  interviewPlans: InterviewPlanRow[];
  planStages: PlanStageRow[];
  planStageQuestions: PlanStageQuestionRow[];
  rubrics: RubricRow[];
  rubricCriteria: RubricCriterionRow[];
  skillRequirements: SkillRequirementRow[];
  skillRequirementVerifiedIn: SkillRequirementVerifiedInRow[];
  positions: PositionRow[];
  positionRecruiters: PositionRecruiterRow[];
  candidates: CandidateRow[];
  applications: ApplicationRow[];
  stageVisits: StageVisitRow[];
  interviews: InterviewRow[];
  interviewPanelists: InterviewPanelistRow[];
  scorecards: ScorecardRow[];
  applicationSkillVerdicts: ApplicationSkillVerdictRow[];
  stageDecisions: StageDecisionRow[];
  applicationTransitions: ApplicationTransitionRow[];
}

export type SyntheticTable = keyof SyntheticHistory;

export const SYNTHETIC_TABLES: readonly SyntheticTable[] = [
  'users',
  'skills',
  'questions',
  'interviewPlans',
  'planStages',
  'planStageQuestions',
  'rubrics',
  'rubricCriteria',
  'skillRequirements',
  'skillRequirementVerifiedIn',
  'positions',
  'positionRecruiters',
  'candidates',
  'applications',
  'stageVisits',
  'interviews',
  'interviewPanelists',
  'scorecards',
  'applicationSkillVerdicts',
  'stageDecisions',
  'applicationTransitions',
];

export function emptyHistory(): SyntheticHistory {
  return {
    users: [],
    skills: [],
    questions: [],
    interviewPlans: [],
    planStages: [],
    planStageQuestions: [],
    rubrics: [],
    rubricCriteria: [],
    skillRequirements: [],
    skillRequirementVerifiedIn: [],
    positions: [],
    positionRecruiters: [],
    candidates: [],
    applications: [],
    stageVisits: [],
    interviews: [],
    interviewPanelists: [],
    scorecards: [],
    applicationSkillVerdicts: [],
    stageDecisions: [],
    applicationTransitions: [],
  };
}

export function countRows(history: SyntheticHistory): number {
  let total = 0;
  for (const table of SYNTHETIC_TABLES) total += history[table].length;
  return total;
}
