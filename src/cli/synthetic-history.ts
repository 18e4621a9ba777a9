// A reproducible, realistic hiring history: users, a plan template, positions with their own copy
// of the plan, candidates and applications walked through the stages with interviews, scorecards
// and stage decisions. Pure and deterministic: the same options give the same rows (ids and
// timestamps included). `seed-synthetic.ts` writes the rows; tests can analyse them in memory.
//
// Every application is generated from its own random streams (keyed by seed and application
// index), so any range of applications can be generated on its own and ranges concatenate to the
// whole history: that is how the CLI streams a million applications without holding them all.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Default "now" of the history: fixed, so that a seed reproduces the same timestamps. */
export const DEFAULT_NOW = new Date('2026-11-22T00:00:00.000Z');
/** How far back applications go. */
export const HISTORY_DAYS = 730;
/** Share of candidates among applications: the others apply a second time to another position. */
export const CANDIDATES_PER_APPLICATION = 0.8;
/** Domain of every generated e-mail address (users and candidates). */
export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic-hiring.example';
/** argon2id of a throw-away password; generated users are not meant to log in. */
export const SYNTHETIC_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$ylel/26/1N7zZ/ggfzsOdQ$gPyU/kA2TImn1wP0k8ERSeJe1czXGQbF9kLxoUDiZC4';

export type ExperienceLevelName = 'JUNIOR' | 'MID' | 'SENIOR' | 'STAFF';
export type CompanyProfileName = 'STARTUP' | 'ENTERPRISE' | 'AGENCY';
export type StageKindName = 'HR_SCREEN' | 'TECHNICAL' | 'CODING_CHALLENGE' | 'SYSTEM_DESIGN' | 'FINAL';
export type ApplicationStatusName = 'ACTIVE' | 'ON_HOLD' | 'HIRED' | 'REJECTED' | 'WITHDRAWN';
export type StageOutcomeName = 'PASSED' | 'FAILED' | 'WITHDRAWN' | 'SKIPPED';
export type RecommendationName = 'STRONG_NO' | 'NO' | 'YES' | 'STRONG_YES';
export type RoleName = 'ADMIN' | 'RECRUITER' | 'INTERVIEWER' | 'HIRING_MANAGER';
export type QuestionCategoryName =
  'HR' | 'BEHAVIORAL' | 'MOTIVATION' | 'TECHNICAL_BASIC' | 'TECHNICAL_ADVANCED' | 'SYSTEM_DESIGN';
export type RejectionReasonName =
  | 'BELOW_BAR'
  | 'STRONG_NO'
  | 'SKILL_NOT_VERIFIED'
  | 'SKILLS_GAP'
  | 'COMMUNICATION'
  | 'SALARY_EXPECTATIONS'
  | 'POSITION_FILLED'
  | 'NO_SHOW'
  | 'OTHER';
/** The codes the stage decision rule gives; the generator's panels never miss a skill verdict. */
export type PanelFailureCodeName = 'BELOW_BAR' | 'STRONG_NO';

// ---------------------------------------------------------------------------------------------
// Rows, one interface per table; property names are the camelCase of the column names.

interface Timestamps {
  createdAt: Date;
  updatedAt: Date;
}

export interface UserRow extends Timestamps {
  id: string;
  email: string;
  name: string;
  roles: RoleName[];
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
  category: QuestionCategoryName;
  prompt: string;
  whatInterviewerWants: string;
  keyPoints: string[];
  goodAnswerExample: string | null;
  badAnswerExample: string | null;
  followUps: string[];
  redFlags: string[];
  star: null;
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
  kind: StageKindName;
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
  priority: 'MUST_VERIFY' | 'GOOD_TO_VERIFY';
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
  level: ExperienceLevelName;
  companyProfile: CompanyProfileName;
  status: 'DRAFT' | 'OPEN' | 'CLOSED';
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
  experienceLevel: ExperienceLevelName;
  source: string;
  tags: string[];
  notes: string | null;
}

export interface ApplicationRow extends Timestamps {
  id: string;
  candidateId: string;
  positionId: string;
  status: ApplicationStatusName;
  currentStageId: string | null;
  experienceLevel: ExperienceLevelName;
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
  outcome: StageOutcomeName | null;
  decidedById: string | null;
  reason: string | null;
  /** Set exactly when the outcome is FAILED. */
  reasonCode: RejectionReasonName | null;
}

export interface InterviewRow extends Timestamps {
  id: string;
  applicationId: string;
  stageId: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
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

export interface ScorecardRow extends Timestamps {
  id: string;
  interviewId: string;
  interviewerId: string;
  status: 'DRAFT' | 'SUBMITTED';
  ratings: RatingJson[];
  questionRatings: QuestionRatingJson[];
  skillVerdicts: unknown[];
  redFlags: string[];
  recommendation: RecommendationName | null;
  notes: string | null;
  dueAt: Date;
  submittedAt: Date | null;
  weightedScore: number | null;
  version: number;
}

export interface StageDecisionRow extends Timestamps {
  id: string;
  visitId: string;
  applicationId: string;
  stageId: string;
  outcome: 'PASSED' | 'FAILED';
  average: number;
  reasons: string[];
  /** The rule's failure code when FAILED (STRONG_NO before BELOW_BAR, as decideStage), else null. */
  reasonCode: PanelFailureCodeName | null;
  automatic: boolean;
  appliedAt: Date | null;
  outcomeApplied: boolean | null;
}

export interface ApplicationTransitionRow extends Timestamps {
  id: string;
  applicationId: string;
  action: string;
  fromStatus: ApplicationStatusName;
  toStatus: ApplicationStatusName;
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
    stageDecisions: [],
    applicationTransitions: [],
  };
}

export function countRows(history: SyntheticHistory): number {
  let total = 0;
  for (const table of SYNTHETIC_TABLES) total += history[table].length;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Randomness: sfc32 (128-bit state), one stream per (seed, purpose, index).

const STREAM_WORLD = 1;
const STREAM_POSITION = 2;
const STREAM_CANDIDATE = 3;
const STREAM_APPLIED_AT = 4;
const STREAM_PICK_POSITION = 5;
const STREAM_APPLICATION = 6;
// Draws added later (questions and their ratings, rejection codes) use streams of their own, so
// that every row and column generated before them stays as it was for the same seed.
const STREAM_QUESTION = 7;
const STREAM_PLAN_QUESTIONS = 8;
const STREAM_APPLICATION_EXTRA = 9;

function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 0xff]! + HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}

/** A small fast PRNG (sfc32). Distinct (seed, stream, index) give distinct states. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number, index: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
    this.a = mix32(low ^ 0x9e3779b9);
    this.b = (mix32(high + 0x632be5ab) ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
    this.c = index >>> 0;
    this.d = Math.floor(index / 0x1_0000_0000) >>> 0;
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.next())]!;
  }

  /** Approximately normal (Irwin-Hall of three uniforms): mean 0, standard deviation 1, |x| < 3. */
  normal(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  /** A v4-looking UUID. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = (this.uint32() & 0x3fffffff) | 0x80000000;
    const d = this.uint32();
    const bh = hex32(b);
    const ch = hex32(c);
    return `${hex32(a)}-${bh.slice(0, 4)}-4${bh.slice(5, 8)}-${ch.slice(0, 4)}-${ch.slice(4, 8)}${hex32(d)}`;
  }
}

function weightedPick<T>(rng: Random, items: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of items) total += weight;
  let roll = rng.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Reference data.

const FIRST_NAMES: readonly string[] = (
  'Ava Liam Noah Emma Olivia Mateo Sofia Lucas Mia Ethan Amara Kenji Priya Arjun Chloe Leon Hana Omar ' +
  'Fatima Diego Elena Jonas Ingrid Tariq Zara Mei Wei Yuki Sven Anya Luca Giulia Pedro Camila Kwame ' +
  'Ngozi Aisha Daniel Sara Tomas Marta Nikolai Irina Hugo Clara Rafael Beatriz Samuel Leah Isaac Nora ' +
  'Felix Maya Oscar Lina Ravi Ananya Jin Soo-ah Emil Freya Mohammed Layla Carlos Lucia Adam Eva Theo ' +
  'Ines Max Julia Kofi Abena Hiroshi Aiko'
).split(' ');

const LAST_NAMES: readonly string[] = (
  'Smith,Chen,Garcia,Müller,Rossi,Kowalski,Nguyen,Patel,Kim,Okafor,Silva,Novak,Johansson,Dubois,Tanaka,' +
  'Ivanova,Haddad,Mensah,Fernandez,Schmidt,Lopez,Wang,Singh,Sato,Andersen,Costa,Moreau,Horvat,Nielsen,' +
  "Popescu,Yilmaz,O'Brien,Murphy,Kaur,Ali,Hassan,Park,Lee,Brown,Taylor,Wilson,Martin,Bianchi,Jansen," +
  'de Vries,Nowak,Suzuki,Gupta,Sharma,Adeyemi,Mwangi,Santos,Pereira,Lindqvist,Virtanen,Kovacs,Dimitrov,' +
  'Petrov,Cohen,Levi,Rahman,Chowdhury,Ortiz,Ramirez,Fischer,Weber,Wagner'
).split(',');

const TIMEZONES: readonly string[] = (
  'Europe/London Europe/Berlin Europe/Warsaw Europe/Lisbon Europe/Madrid Europe/Stockholm ' +
  'America/New_York America/Chicago America/Denver America/Los_Angeles America/Sao_Paulo ' +
  'America/Toronto Asia/Kolkata Asia/Singapore Asia/Tokyo Australia/Sydney Africa/Lagos UTC'
).split(' ');

const LEVELS: readonly ExperienceLevelName[] = ['JUNIOR', 'MID', 'SENIOR', 'STAFF'];
const LEVEL_INDEX: Record<ExperienceLevelName, number> = { JUNIOR: 0, MID: 1, SENIOR: 2, STAFF: 3 };
const LEVEL_YEARS: Record<ExperienceLevelName, readonly [number, number]> = {
  JUNIOR: [0, 2.5],
  MID: [2, 6],
  SENIOR: [5, 12],
  STAFF: [9, 22],
};
const LEVEL_TITLE_PREFIX: Record<ExperienceLevelName, string> = {
  JUNIOR: 'Junior ',
  MID: '',
  SENIOR: 'Senior ',
  STAFF: 'Staff ',
};
const ROLES_TITLES = [
  'Backend Engineer',
  'Platform Engineer',
  'Data Engineer',
  'Full-Stack Engineer',
  'Site Reliability Engineer',
  'API Engineer',
  'Payments Engineer',
  'Infrastructure Engineer',
] as const;
const TEAMS = ['Payments', 'Search', 'Growth', 'Core Platform', 'Data', 'Identity', 'Checkout', 'Logistics'] as const;

const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['referral', 0.14],
  ['job board', 0.34],
  ['careers page', 0.26],
  ['sourcing', 0.16],
  ['agency', 0.1],
];
const SOURCE_HR_BONUS: Record<string, number> = {
  referral: 0.1,
  'job board': -0.03,
  'careers page': 0,
  sourcing: 0.04,
  agency: -0.02,
};
const CANDIDATE_TAGS = [
  'remote',
  'relocation',
  'visa-sponsorship',
  'go',
  'java',
  'python',
  'typescript',
  'kotlin',
  'rust',
  'postgres',
  'kafka',
  'aws',
  'kubernetes',
] as const;

const LEVEL_LABELS = ['Does not meet', 'Partially meets', 'Meets', 'Exceeds'] as const;

interface CriterionTemplate {
  key: string;
  name: string;
  description: string;
  weight: number;
  /** One description per score 1..4. */
  levels: readonly [string, string, string, string];
  covers: string[];
}

interface StageTemplate {
  key: string;
  kind: StageKindName;
  name: string;
  durationMinutes: number;
  feedbackDueHours: number;
  autoAdvance: boolean;
  passThreshold: number;
  focusAreas: string[];
  participants: string[];
  successCriteria: string[];
  preparationTips: string[];
  criteria: CriterionTemplate[];
  /** Panel size range. */
  panel: readonly [number, number];
  /** Days from entering the stage to the interview. */
  scheduleDays: readonly [number, number];
  /** Base probability of passing, before level and source adjustments. */
  passRate: number;
  /** Probability the candidate withdraws while in this stage. */
  withdrawRate: number;
  skipRate: number;
  /** Pass-rate adjustment per experience level. */
  levelAdjust: Record<ExperienceLevelName, number>;
  failReasons: readonly string[];
}

const STAGES: readonly StageTemplate[] = [
  {
    key: 'hr-screen',
    kind: 'HR_SCREEN',
    name: 'HR screen',
    durationMinutes: 30,
    feedbackDueHours: 24,
    autoAdvance: true,
    passThreshold: 2.5,
    focusAreas: ['Background and experience', 'Motivation for the role', 'Salary and logistics expectations'],
    participants: ['Recruiter'],
    successCriteria: [
      'Communicates clearly about past work and goals',
      'Experience matches the requirements of the role',
      'Expectations are realistic for the position',
    ],
    preparationTips: ['Be ready to walk through your CV', 'Know your salary range and notice period'],
    criteria: [
      {
        key: 'hr-communication',
        name: 'Communication',
        description: 'How clearly and concisely the candidate describes their experience.',
        weight: 1,
        levels: [
          'Answers are hard to follow or off-topic.',
          'Understandable but needs frequent prompting.',
          'Clear, structured and concise answers.',
          'Exceptionally clear; adapts to the listener.',
        ],
        covers: ['Communicates clearly about past work and goals'],
      },
      {
        key: 'hr-experience-fit',
        name: 'Experience fit',
        description: "Match between the candidate's background and the role's requirements.",
        weight: 1.5,
        levels: [
          'Background unrelated to the role.',
          'Some relevant experience with notable gaps.',
          'Relevant experience at the expected level.',
          'Directly relevant experience beyond the level.',
        ],
        covers: ['Experience matches the requirements of the role'],
      },
      {
        key: 'hr-expectations',
        name: 'Expectations and logistics',
        description: 'Salary, level, location and start date compared with what the position offers.',
        weight: 0.5,
        levels: [
          'Expectations are far outside what the role offers.',
          'Expectations need significant negotiation.',
          'Expectations fit the position.',
          'Expectations fit and the candidate is flexible.',
        ],
        covers: ['Expectations are realistic for the position'],
      },
    ],
    panel: [1, 1],
    scheduleDays: [1, 6],
    passRate: 0.75,
    withdrawRate: 0.08,
    skipRate: 0.02,
    levelAdjust: { JUNIOR: -0.02, MID: 0, SENIOR: 0.02, STAFF: 0.02 },
    failReasons: ['Experience does not match the role', 'Salary expectations out of range'],
  },
  {
    key: 'technical-interview',
    kind: 'TECHNICAL',
    name: 'Technical interview',
    durationMinutes: 60,
    feedbackDueHours: 24,
    autoAdvance: false,
    passThreshold: 2.75,
    focusAreas: ['Problem solving', 'Live coding', 'Databases and APIs'],
    participants: ['Technical Lead', 'Senior Engineer'],
    successCriteria: [
      'Breaks problems down methodically',
      'Writes correct, readable code',
      'Shows working depth in databases and APIs',
    ],
    preparationTips: ['Practise explaining your reasoning aloud', 'Refresh data structures and complexity'],
    criteria: [
      {
        key: 'tech-problem-solving',
        name: 'Problem-solving approach',
        description: 'How the candidate decomposes a problem and moves to a good solution.',
        weight: 1.5,
        levels: [
          'Cannot make progress without the solution being given.',
          'Reaches a solution with substantial hints.',
          'Decomposes the problem and reaches a sound solution.',
          'Finds an elegant solution and weighs alternatives.',
        ],
        covers: ['Breaks problems down methodically'],
      },
      {
        key: 'tech-code-quality',
        name: 'Code quality',
        description: 'Correctness, readability and structure of the code written.',
        weight: 1,
        levels: [
          'Code does not work or is unreadable.',
          'Works partly; naming and structure need work.',
          'Correct, readable and well structured.',
          'Production-quality code with tests in mind.',
        ],
        covers: ['Writes correct, readable code'],
      },
      {
        key: 'tech-fundamentals',
        name: 'Backend fundamentals',
        description: 'Depth in databases, APIs, HTTP and security basics.',
        weight: 1,
        levels: [
          'Major gaps in the fundamentals.',
          'Knows the basics, shallow beyond them.',
          'Solid working knowledge.',
          'Deep knowledge with real-world nuance.',
        ],
        covers: ['Shows working depth in databases and APIs'],
      },
      {
        key: 'tech-communication',
        name: 'Technical communication',
        description: 'How well the candidate explains their thinking while working.',
        weight: 0.5,
        levels: [
          'Works silently or cannot explain choices.',
          'Explains when asked, with difficulty.',
          'Explains reasoning clearly throughout.',
          'Explains and invites discussion like a colleague.',
        ],
        covers: ['Breaks problems down methodically'],
      },
    ],
    panel: [1, 2],
    scheduleDays: [2, 9],
    passRate: 0.55,
    withdrawRate: 0.07,
    skipRate: 0.02,
    levelAdjust: { JUNIOR: -0.08, MID: 0, SENIOR: 0.03, STAFF: 0.05 },
    failReasons: ['Gaps in backend fundamentals', 'Could not complete the coding exercise', 'Below the bar overall'],
  },
  {
    key: 'take-home-challenge',
    kind: 'CODING_CHALLENGE',
    name: 'Take-home challenge review',
    durationMinutes: 45,
    feedbackDueHours: 48,
    autoAdvance: true,
    passThreshold: 2.75,
    focusAreas: ['Practical coding', 'Testing', 'Documentation'],
    participants: ['Senior Engineer'],
    successCriteria: ['Submission meets the brief', 'Code is tested and documented'],
    preparationTips: ['Stay within the suggested time', 'Document how to run your solution'],
    criteria: [
      {
        key: 'cc-functionality',
        name: 'Functionality',
        description: 'Whether the submission runs and does what the brief asked.',
        weight: 1.5,
        levels: [
          'Does not run or misses most requirements.',
          'Runs but misses important requirements.',
          'Meets the functional requirements.',
          'Meets them and handles edge cases thoughtfully.',
        ],
        covers: ['Submission meets the brief'],
      },
      {
        key: 'cc-testing',
        name: 'Testing and error handling',
        description: 'Automated tests and behaviour on invalid input.',
        weight: 1,
        levels: [
          'No tests; errors crash the program.',
          'A few superficial tests.',
          'Meaningful tests of the main paths and failures.',
          'Thorough, well-organised tests.',
        ],
        covers: ['Code is tested and documented'],
      },
      {
        key: 'cc-documentation',
        name: 'Documentation',
        description: 'How easily a reviewer can run and understand the solution.',
        weight: 0.5,
        levels: [
          'No instructions.',
          'Instructions incomplete.',
          'Clear setup and design notes.',
          'Excellent notes including trade-offs and next steps.',
        ],
        covers: ['Code is tested and documented'],
      },
    ],
    panel: [1, 2],
    scheduleDays: [5, 12],
    passRate: 0.6,
    withdrawRate: 0.09,
    skipRate: 0.03,
    levelAdjust: { JUNIOR: -0.05, MID: 0, SENIOR: 0.02, STAFF: 0.02 },
    failReasons: ['Submission incomplete', 'Insufficient testing'],
  },
  {
    key: 'system-design',
    kind: 'SYSTEM_DESIGN',
    name: 'System design interview',
    durationMinutes: 60,
    feedbackDueHours: 24,
    autoAdvance: false,
    passThreshold: 3,
    focusAreas: ['Architecture', 'Scalability', 'Trade-offs'],
    participants: ['Architect', 'Staff Engineer'],
    successCriteria: [
      'Clarifies requirements and estimates scale',
      'Designs for scalability and failure',
      'Articulates trade-offs',
    ],
    preparationTips: ['Study caching, queues and partitioning', 'Clarify requirements before drawing boxes'],
    criteria: [
      {
        key: 'sd-requirements',
        name: 'Requirements and scoping',
        description: 'Clarifying features, constraints and rough scale before designing.',
        weight: 1,
        levels: [
          'Starts drawing without understanding the problem.',
          'Asks some questions, misses key constraints.',
          'Scopes the problem and estimates scale.',
          'Scopes sharply and prioritises like an owner.',
        ],
        covers: ['Clarifies requirements and estimates scale'],
      },
      {
        key: 'sd-architecture',
        name: 'Architecture',
        description: 'Soundness of the components, data flow and storage choices.',
        weight: 1.5,
        levels: [
          'Design would not work.',
          'Works for the happy path only.',
          'Sound design that handles scale and failure.',
          'Robust design with clear evolution path.',
        ],
        covers: ['Designs for scalability and failure'],
      },
      {
        key: 'sd-tradeoffs',
        name: 'Trade-offs',
        description: 'Naming alternatives and defending choices.',
        weight: 1,
        levels: [
          'No alternatives considered.',
          'Mentions alternatives without reasoning.',
          'Weighs alternatives with clear reasoning.',
          'Anticipates trade-offs and their operational cost.',
        ],
        covers: ['Articulates trade-offs'],
      },
    ],
    panel: [2, 2],
    scheduleDays: [2, 10],
    passRate: 0.5,
    withdrawRate: 0.05,
    skipRate: 0.02,
    levelAdjust: { JUNIOR: -0.2, MID: -0.05, SENIOR: 0.05, STAFF: 0.12 },
    failReasons: ['Design does not handle scale or failure', 'Could not reason about trade-offs'],
  },
  {
    key: 'final-interview',
    kind: 'FINAL',
    name: 'Final interview',
    durationMinutes: 45,
    feedbackDueHours: 24,
    autoAdvance: false,
    passThreshold: 2.75,
    focusAreas: ['Career goals', 'Team fit', 'Values'],
    participants: ['Hiring Manager', 'Head of Engineering'],
    successCriteria: ['Career goals fit the role', 'Would strengthen the team', "Shares the company's values"],
    preparationTips: ['Prepare questions about the team', 'Think about where you want to be in a few years'],
    criteria: [
      {
        key: 'fn-career-alignment',
        name: 'Career alignment',
        description: "Match between the candidate's goals and what the role offers.",
        weight: 1,
        levels: [
          'Goals conflict with the role.',
          'Partial alignment.',
          'Goals fit the role.',
          'Goals and role reinforce each other strongly.',
        ],
        covers: ['Career goals fit the role'],
      },
      {
        key: 'fn-team-fit',
        name: 'Team contribution',
        description: 'How the candidate would change the way the team works.',
        weight: 1.5,
        levels: [
          'Would likely create friction.',
          'Neutral addition.',
          'Would strengthen collaboration.',
          'Would raise the bar for the whole team.',
        ],
        covers: ['Would strengthen the team'],
      },
      {
        key: 'fn-values',
        name: 'Values',
        description: "Alignment with the company's values, with examples.",
        weight: 1,
        levels: [
          'Values clearly at odds.',
          'Generic answers, little evidence.',
          'Concrete examples of shared values.',
          'Lives the values, with compelling examples.',
        ],
        covers: ["Shares the company's values"],
      },
    ],
    panel: [2, 3],
    scheduleDays: [3, 12],
    passRate: 0.8,
    withdrawRate: 0.04,
    skipRate: 0.01,
    levelAdjust: { JUNIOR: 0, MID: 0, SENIOR: 0, STAFF: -0.03 },
    failReasons: ['Concerns about team fit', 'Career goals do not match the role'],
  },
];

const PROFILE_WEIGHS: Record<CompanyProfileName, string[]> = {
  STARTUP: ['Ownership and speed of delivery', 'Comfort with ambiguity'],
  ENTERPRISE: ['Reliability and process', 'Working across teams'],
  AGENCY: ['Client communication', 'Delivering to fixed scopes'],
};

const SKILLS = [
  {
    key: 'synthetic-backend-development',
    name: 'Backend development',
    description: 'Building and maintaining server-side services.',
    priority: 'MUST_VERIFY' as const,
    verifiedIn: ['technical-interview', 'take-home-challenge'],
    verificationMethod: 'Live coding and take-home review',
  },
  {
    key: 'synthetic-system-design',
    name: 'System design',
    description: 'Architecting scalable, fault-tolerant systems.',
    priority: 'MUST_VERIFY' as const,
    verifiedIn: ['system-design'],
    verificationMethod: 'Whiteboard design session',
  },
  {
    key: 'synthetic-team-collaboration',
    name: 'Team collaboration',
    description: 'Working effectively with engineers, product and QA.',
    priority: 'GOOD_TO_VERIFY' as const,
    verifiedIn: ['hr-screen', 'final-interview'],
    verificationMethod: 'Behavioural questions',
  },
];

const WITHDRAW_REASONS = [
  'Accepted another offer',
  'Salary expectations not met',
  'No longer looking',
  'Relocation not possible',
  'Process took too long',
] as const;
const SKIP_REASONS = [
  'Assessed in a previous application',
  'Strong internal referral; stage waived',
  'Hiring manager waived the stage',
] as const;
const RED_FLAGS = [
  'Could not explain their own past work',
  'Dismissive towards the interviewer',
  'Inconsistent account of experience',
] as const;
const NO_SHOW_REASON = 'Candidate did not attend the interview';
const POSITION_CLOSED_REASON = 'Position closed';

/** The question list of each stage (by stage key): prompt, category and what the interviewer listens for. */
const STAGE_QUESTIONS: Record<string, ReadonlyArray<readonly [QuestionCategoryName, string, string]>> = {
  'hr-screen': [
    ['HR', 'Walk me through your most recent role and what you owned.', 'Concrete ownership, not a job title.'],
    ['MOTIVATION', 'Why are you interested in this position?', 'Reasons tied to this role and company.'],
    ['MOTIVATION', 'What are you looking for in your next team?', 'Expectations that this team can meet.'],
    ['HR', 'What are your salary expectations and notice period?', 'A range and a date that fit the position.'],
  ],
  'technical-interview': [
    [
      'TECHNICAL_BASIC',
      'Design a REST endpoint for paginated search: which status codes and errors does it return?',
      'Sound resource design, stable pagination, meaningful errors.',
    ],
    ['TECHNICAL_ADVANCED', 'How would you find and fix a slow SQL query?', 'EXPLAIN, indexes, measuring first.'],
    [
      'TECHNICAL_ADVANCED',
      'Explain how transactions and isolation levels prevent anomalies.',
      'Names the anomalies and which levels prevent them.',
    ],
    ['TECHNICAL_BASIC', 'Implement a function that merges overlapping intervals.', 'Sorts first; handles edges.'],
    ['TECHNICAL_ADVANCED', 'How do you make an API call idempotent?', 'Idempotency keys, unique constraints.'],
  ],
  'take-home-challenge': [
    ['TECHNICAL_BASIC', 'Walk us through the structure of your submission.', 'Clear reasons for the layout.'],
    ['TECHNICAL_BASIC', 'Which cases do your tests not cover, and why?', 'Knows the gaps and their risk.'],
    ['TECHNICAL_ADVANCED', 'What would you change with another day of work?', 'Prioritises by impact.'],
  ],
  'system-design': [
    ['SYSTEM_DESIGN', 'Design a URL shortener for 100 million links a month.', 'Estimates, storage, read path.'],
    [
      'SYSTEM_DESIGN',
      'How would you deliver webhooks reliably to slow consumers?',
      'Queues, retries with backoff, idempotent receivers.',
    ],
    [
      'SYSTEM_DESIGN',
      'Where would you cache in a read-heavy product catalogue, and how do you invalidate?',
      'Cache layers and a consistent invalidation story.',
    ],
    [
      'SYSTEM_DESIGN',
      'How does your design behave when one availability zone fails?',
      'Failure modes, replication, graceful degradation.',
    ],
  ],
  'final-interview': [
    ['BEHAVIORAL', 'Tell me about a time you disagreed with a technical decision.', 'Respectful, data-driven.'],
    ['BEHAVIORAL', 'Describe a project that failed and what you learned.', 'Owns the failure; concrete lessons.'],
    ['MOTIVATION', 'Where do you want to be in three years?', 'Goals this role can serve.'],
    ['BEHAVIORAL', 'How do you help a new colleague get productive?', 'Patience, structure, written context.'],
  ],
};
const QUESTION_NOTES: Record<number, readonly string[]> = {
  1: ['Could not answer', 'Needed the answer given'],
  2: ['Needed several hints', 'Partly right'],
  3: ['Solid answer', 'Good with one hint'],
  4: ['Excellent, went beyond the question', 'Best answer this week'],
};

type CodeWeights = ReadonlyArray<readonly [RejectionReasonName, number]>;
/**
 * The code a hiring manager gives when rejecting at a stage that does not advance by itself, by
 * the reason they wrote (mostly the matching code, sometimes OTHER).
 */
const MANAGER_REJECTION_CODES: Record<string, CodeWeights> = {
  'Experience does not match the role': [
    ['SKILLS_GAP', 0.85],
    ['OTHER', 0.15],
  ],
  'Salary expectations out of range': [
    ['SALARY_EXPECTATIONS', 0.9],
    ['OTHER', 0.1],
  ],
  'Gaps in backend fundamentals': [
    ['SKILLS_GAP', 0.9],
    ['OTHER', 0.1],
  ],
  'Could not complete the coding exercise': [
    ['SKILLS_GAP', 0.85],
    ['OTHER', 0.15],
  ],
  'Below the bar overall': [
    ['SKILLS_GAP', 0.5],
    ['COMMUNICATION', 0.2],
    ['OTHER', 0.3],
  ],
  'Submission incomplete': [
    ['SKILLS_GAP', 0.8],
    ['OTHER', 0.2],
  ],
  'Insufficient testing': [
    ['SKILLS_GAP', 0.9],
    ['OTHER', 0.1],
  ],
  'Design does not handle scale or failure': [
    ['SKILLS_GAP', 0.9],
    ['OTHER', 0.1],
  ],
  'Could not reason about trade-offs': [
    ['SKILLS_GAP', 0.6],
    ['COMMUNICATION', 0.3],
    ['OTHER', 0.1],
  ],
  'Concerns about team fit': [
    ['COMMUNICATION', 0.6],
    ['OTHER', 0.4],
  ],
  'Career goals do not match the role': [
    ['OTHER', 0.6],
    ['SALARY_EXPECTATIONS', 0.4],
  ],
};
const NO_SHOW_CODES: CodeWeights = [
  ['NO_SHOW', 0.9],
  ['OTHER', 0.1],
];
const POSITION_CLOSED_CODES: CodeWeights = [
  ['POSITION_FILLED', 0.85],
  ['OTHER', 0.15],
];

// ---------------------------------------------------------------------------------------------
// The world: users, catalog and positions, plus what the application generator looks up.

export interface GenerateOptions {
  applications: number;
  seed: number;
  /** Default max(20, applications / 5000). At least 3. */
  positions?: number;
  /** The history ends here (nothing is generated after it). Default DEFAULT_NOW. */
  now?: Date;
  /** Write application_transition rows (one per pipeline action). Default true. */
  transitions?: boolean;
}

/** A question of the bank with how well it tells strong candidates from weak ones. */
export interface QuestionInfo {
  id: string;
  stageKey: string;
  /** In [0, 1): fixed per question and seed; 1 would score the candidate's ability with no noise. */
  discrimination: number;
  /** Standard deviation of the noise added to the candidate's ability when scoring this question. */
  noise: number;
}

interface StageInfo {
  id: string;
  template: StageTemplate;
  criterionIds: string[];
  weights: number[];
  /** The stage's question list (the same bank questions in every plan copy). */
  questions: QuestionInfo[];
}

interface PositionInfo {
  row: PositionRow;
  level: ExperienceLevelName;
  profile: CompanyProfileName;
  stages: StageInfo[];
  hiringManagerId: string;
  recruiterIds: string[];
  interviewerPool: number[];
  openedAt: number;
  closedAt: number | null;
}

interface InterviewerInfo {
  id: string;
  name: string;
  /** Added to every score this interviewer gives: lenient > 0 > harsh. */
  bias: number;
}

export interface SyntheticWorld {
  readonly options: Readonly<Required<GenerateOptions>>;
  /** Users, catalog and positions: the rows every application refers to. */
  readonly staticRows: SyntheticHistory;
  readonly candidateCount: number;
  readonly now: number;
  readonly start: number;
  readonly positions: readonly PositionInfo[];
  readonly interviewers: readonly InterviewerInfo[];
  /** The question bank, with each question's discrimination (the truth question analytics should find). */
  readonly questions: readonly QuestionInfo[];
  /** Per week since `start` and candidate level: open positions and their cumulative weights. */
  readonly weekly: ReadonlyArray<ReadonlyArray<{ positions: Int32Array; cumulative: Float64Array }>>;
  /** Multiplier of the bijection from second applications to candidates. */
  readonly repeatMultiplier: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function personName(rng: Random): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function normalizeOptions(options: GenerateOptions): Required<GenerateOptions> {
  const applications = options.applications;
  if (!Number.isInteger(applications) || applications < 0) throw new Error('applications must be an integer >= 0');
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > Number.MAX_SAFE_INTEGER) {
    throw new Error('seed must be a non-negative integer');
  }
  const positions = options.positions ?? Math.max(20, Math.round(applications / 5000));
  if (!Number.isInteger(positions) || positions < 3) throw new Error('positions must be an integer >= 3');
  const now = options.now ?? DEFAULT_NOW;
  if (Number.isNaN(now.getTime())) throw new Error('now must be a valid date');
  return { applications, seed: options.seed, positions, now, transitions: options.transitions ?? true };
}

/** Builds users, the plan template, skills and positions (with their own plan copies). */
export function createSyntheticWorld(input: GenerateOptions): SyntheticWorld {
  const options = normalizeOptions(input);
  const now = options.now.getTime();
  const start = now - HISTORY_DAYS * DAY;
  const rows = emptyHistory();
  const rng = new Random(options.seed, STREAM_WORLD, 0);
  const setupAt = start - 60 * DAY;
  const stamp = (at: number) => ({ createdAt: new Date(at), updatedAt: new Date(at) });

  // Users.
  const usedEmails = new Set<string>();
  const makeUser = (role: RoleName, at: number): UserRow => {
    const name = personName(rng);
    let local = emailLocalPart(name);
    for (let n = 2; usedEmails.has(local); n++) local = `${emailLocalPart(name)}${n}`;
    usedEmails.add(local);
    return {
      id: rng.uuid(),
      email: `${local}@${SYNTHETIC_EMAIL_DOMAIN}`,
      name,
      roles: [role],
      timezone: rng.pick(TIMEZONES),
      passwordHash: SYNTHETIC_PASSWORD_HASH,
      deactivatedAt: null,
      ...stamp(at),
    };
  };
  const recruiters = Array.from({ length: 6 }, () => makeUser('RECRUITER', setupAt));
  const managers = Array.from({ length: 10 }, () => makeUser('HIRING_MANAGER', setupAt));
  const interviewerRows = Array.from({ length: 40 }, () => makeUser('INTERVIEWER', setupAt));
  // Calibration spread: a few clearly lenient and harsh interviewers, the rest near neutral.
  const interviewers: InterviewerInfo[] = interviewerRows.map((user, index) => ({
    id: user.id,
    name: user.name,
    bias: index < 4 ? 0.45 + 0.1 * rng.next() : index < 8 ? -0.45 - 0.1 * rng.next() : 0.18 * rng.normal(),
  }));
  rows.users.push(...recruiters, ...managers, ...interviewerRows);

  // Skills.
  const skillIds = SKILLS.map((skill) => {
    const id = rng.uuid();
    rows.skills.push({
      id,
      key: skill.key,
      name: skill.name,
      description: skill.description,
      archivedAt: null,
      ...stamp(setupAt),
    });
    return id;
  });

  // Questions: the stages' lists, shared by every plan (plans link bank questions, as copies do).
  const questions: QuestionInfo[] = [];
  for (const [stageKey, list] of Object.entries(STAGE_QUESTIONS)) {
    list.forEach(([category, prompt, wants], position) => {
      const qrng = new Random(options.seed, STREAM_QUESTION, questions.length);
      const id = qrng.uuid();
      // Spread on purpose: some questions separate candidates well, others are mostly noise.
      const discrimination = qrng.next();
      questions.push({ id, stageKey, discrimination, noise: 0.25 + 3 * (1 - discrimination) });
      rows.questions.push({
        id,
        key: `synthetic-${stageKey}-${position + 1}`,
        category,
        prompt,
        whatInterviewerWants: wants,
        keyPoints: [],
        goodAnswerExample: null,
        badAnswerExample: null,
        followUps: [],
        redFlags: [],
        star: null,
        archivedAt: null,
        ...stamp(setupAt),
      });
    });
  }
  let plans = 0;

  // A plan (the template, or a position's copy) with its stages, rubrics, questions and skill requirements.
  const addPlan = (
    planRng: Random,
    at: number,
    copy: { templateId: string; profile: CompanyProfileName; title: string } | null,
  ): { planId: string; stages: StageInfo[] } => {
    const linkRng = new Random(options.seed, STREAM_PLAN_QUESTIONS, plans++);
    const planId = planRng.uuid();
    rows.interviewPlans.push({
      id: planId,
      name: copy ? `${copy.title} loop` : 'Synthetic backend loop',
      description: copy ? '' : 'Five-stage loop used by the synthetic history.',
      family: planRng.uuid(),
      version: 1,
      isTemplate: copy === null,
      copiedFromId: copy?.templateId ?? null,
      supersededAt: null,
      archivedAt: null,
      builtInKey: null,
      ...stamp(at),
    });
    const stages = STAGES.map((template, index): StageInfo => {
      const stageId = planRng.uuid();
      rows.planStages.push({
        id: stageId,
        planId,
        key: template.key,
        kind: template.kind,
        name: template.name,
        order: index + 1,
        focusAreas: template.focusAreas,
        participants: template.participants,
        successCriteria: template.successCriteria,
        preparationTips: template.preparationTips,
        durationMinutes: template.durationMinutes,
        feedbackDueHours: template.feedbackDueHours,
        autoAdvance: template.autoAdvance,
        passThreshold: template.passThreshold,
        interviewerWeighs: copy ? PROFILE_WEIGHS[copy.profile] : [],
        revision: 1,
        ...stamp(at),
      });
      const rubricId = planRng.uuid();
      rows.rubrics.push({
        id: rubricId,
        stageId,
        name: `${template.name} rubric`,
        scaleMin: 1,
        scaleMax: 4,
        ...stamp(at),
      });
      const criterionIds = template.criteria.map((criterion, position) => {
        const id = planRng.uuid();
        rows.rubricCriteria.push({
          id,
          rubricId,
          key: criterion.key,
          position,
          name: criterion.name,
          description: criterion.description,
          weight: criterion.weight,
          levels: criterion.levels.map((description, level) => ({
            score: level + 1,
            label: LEVEL_LABELS[level]!,
            description,
          })),
          covers: criterion.covers,
          ...stamp(at),
        });
        return id;
      });
      const stageQuestions = questions.filter((question) => question.stageKey === template.key);
      stageQuestions.forEach((question, position) => {
        rows.planStageQuestions.push({
          id: linkRng.uuid(),
          stageId,
          questionId: question.id,
          position,
          ...stamp(at),
        });
      });
      return {
        id: stageId,
        template,
        criterionIds,
        weights: template.criteria.map((c) => c.weight),
        questions: stageQuestions,
      };
    });
    SKILLS.forEach((skill, position) => {
      const requirementId = planRng.uuid();
      rows.skillRequirements.push({
        id: requirementId,
        planId,
        skillId: skillIds[position]!,
        position,
        priority: skill.priority,
        verificationMethod: skill.verificationMethod,
        minimumRequirement: skill.priority === 'MUST_VERIFY' ? 'Meets the bar in every stage that verifies it' : null,
        evaluationCriteria: [`Demonstrates ${skill.name.toLowerCase()} at the level of the role`],
        ...stamp(at),
      });
      for (const key of skill.verifiedIn) {
        const stage = stages.find((candidate) => candidate.template.key === key)!;
        rows.skillRequirementVerifiedIn.push({ skillRequirementId: requirementId, planStageId: stage.id });
      }
    });
    return { planId, stages };
  };
  const template = addPlan(rng, setupAt, null);

  // Positions. The first three are open for the whole history, so every week has somewhere to apply.
  const positions: PositionInfo[] = [];
  for (let p = 0; p < options.positions; p++) {
    const prng = new Random(options.seed, STREAM_POSITION, p);
    const level = weightedPick(prng, [
      ['JUNIOR', 0.15],
      ['MID', 0.35],
      ['SENIOR', 0.35],
      ['STAFF', 0.15],
    ] as const);
    const profile = weightedPick(prng, [
      ['STARTUP', 0.4],
      ['ENTERPRISE', 0.4],
      ['AGENCY', 0.2],
    ] as const);
    const title = `${LEVEL_TITLE_PREFIX[level]}${prng.pick(ROLES_TITLES)} (${prng.pick(TEAMS)})`;
    let openedAt: number;
    let closedAt: number | null = null;
    if (p < 3) {
      openedAt = start - prng.between(5, 30) * DAY;
    } else {
      // More positions open over time, as the company grows.
      openedAt = start + Math.sqrt(prng.next()) * (HISTORY_DAYS - 21) * DAY;
      if (prng.chance(0.25)) {
        const closing = openedAt + prng.between(60, 420) * DAY;
        if (closing < now - 14 * DAY) closedAt = closing;
      }
    }
    const createdAt = openedAt - prng.between(1, 10) * DAY;
    const plan = addPlan(prng, createdAt, { templateId: template.planId, profile, title });
    const hiringManager = managers[prng.int(0, managers.length - 1)]!;
    const recruiterCount = prng.chance(0.4) ? 2 : 1;
    const firstRecruiter = prng.int(0, recruiters.length - 1);
    const recruiterIds = Array.from(
      { length: recruiterCount },
      (_, k) => recruiters[(firstRecruiter + k) % recruiters.length]!.id,
    );
    const pool: number[] = [];
    const poolSize = prng.int(8, 12);
    while (pool.length < poolSize) {
      const candidate = prng.int(0, interviewers.length - 1);
      if (!pool.includes(candidate)) pool.push(candidate);
    }
    const row: PositionRow = {
      id: prng.uuid(),
      title,
      level,
      companyProfile: profile,
      status: closedAt === null ? 'OPEN' : 'CLOSED',
      hiringManagerId: hiringManager.id,
      planId: plan.planId,
      openedAt: new Date(openedAt),
      closedAt: closedAt === null ? null : new Date(closedAt),
      revision: closedAt === null ? 2 : 3,
      createdAt: new Date(createdAt),
      updatedAt: new Date(closedAt ?? openedAt),
    };
    rows.positions.push(row);
    for (const userId of recruiterIds) rows.positionRecruiters.push({ positionId: row.id, userId });
    positions.push({
      row,
      level,
      profile,
      stages: plan.stages,
      hiringManagerId: hiringManager.id,
      recruiterIds,
      interviewerPool: pool,
      openedAt,
      closedAt,
    });
  }
  // Popularity: some positions draw many more applicants than others.
  const popularity = positions.map((_, p) => 0.3 + 2.7 * new Random(options.seed, STREAM_POSITION, p + 1e6).next());

  // Weekly tables of open positions, weighted by popularity and level affinity.
  const weeks = Math.ceil((now - start) / WEEK);
  const weekly = Array.from({ length: weeks }, (_, week) => {
    const weekStart = start + week * WEEK;
    const weekEnd = weekStart + WEEK;
    const open = positions
      .map((position, index) => ({ position, index }))
      .filter(({ position }) => position.openedAt <= weekStart && (position.closedAt ?? Infinity) >= weekEnd);
    return LEVELS.map((level) => {
      const indexes = new Int32Array(open.length);
      const cumulative = new Float64Array(open.length);
      let total = 0;
      open.forEach(({ position, index }, k) => {
        const distance = Math.abs(LEVEL_INDEX[position.level] - LEVEL_INDEX[level]);
        total += popularity[index]! * (distance === 0 ? 4 : distance === 1 ? 1.2 : 0.2);
        indexes[k] = index;
        cumulative[k] = total;
      });
      return { positions: indexes, cumulative };
    });
  });

  const candidateCount =
    options.applications === 0 ? 0 : Math.max(1, Math.round(options.applications * CANDIDATES_PER_APPLICATION));
  let repeatMultiplier = Math.max(1, Math.round(candidateCount * 0.6180339887)) | 1;
  while (candidateCount > 1 && gcd(repeatMultiplier, candidateCount) !== 1) repeatMultiplier += 2;

  return {
    options,
    staticRows: rows,
    candidateCount,
    now,
    start,
    positions,
    interviewers,
    questions,
    weekly,
    repeatMultiplier,
  };
}

// ---------------------------------------------------------------------------------------------
// Candidates and applications.

interface CandidateProfile {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  level: ExperienceLevelName;
  years: number;
  source: string;
  tags: string[];
  /** When the candidate's first application came in. */
  firstAppliedAt: number;
  firstPosition: number;
}

function candidateProfile(world: SyntheticWorld, index: number): CandidateProfile {
  const rng = new Random(world.options.seed, STREAM_CANDIDATE, index);
  const level = weightedPick(rng, [
    ['JUNIOR', 0.25],
    ['MID', 0.35],
    ['SENIOR', 0.3],
    ['STAFF', 0.1],
  ] as const);
  const [minYears, maxYears] = LEVEL_YEARS[level];
  const years = Math.round(rng.between(minYears, maxYears) * 2) / 2;
  const name = personName(rng);
  const domain = rng.pick(['example.com', 'example.org', 'example.net', 'mail.example']);
  const tags: string[] = [];
  const tagCount = rng.int(0, 3);
  for (let k = 0; k < tagCount; k++) {
    const tag = rng.pick(CANDIDATE_TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  const phone = rng.chance(0.7) ? `+1-555-${String(rng.int(0, 9999999)).padStart(7, '0')}` : null;
  const source = weightedPick(rng, SOURCES);
  const firstAppliedAt = appliedAtOf(world, index);
  const firstPosition = pickPosition(
    world,
    firstAppliedAt,
    level,
    new Random(world.options.seed, STREAM_PICK_POSITION, index),
    -1,
  );
  return {
    id: rng.uuid(),
    name,
    // The index keeps addresses unique however the names repeat.
    email: `${emailLocalPart(name)}.${index.toString(36)}@${domain}`,
    phone,
    level,
    years,
    source,
    tags,
    firstAppliedAt,
    firstPosition,
  };
}

/** When a candidate's first application came in: over HISTORY_DAYS, more recent = more. */
function appliedAtOf(world: SyntheticWorld, candidate: number): number {
  const rng = new Random(world.options.seed, STREAM_APPLIED_AT, candidate);
  // 25% uniform, 75% with a density rising linearly towards now.
  const recency = rng.chance(0.25) ? rng.next() : Math.sqrt(rng.next());
  const at = world.start + recency * (world.now - world.start);
  return Math.min(Math.floor(at / 1000) * 1000, world.now - HOUR);
}

function pickPosition(world: SyntheticWorld, at: number, level: ExperienceLevelName, rng: Random, exclude: number) {
  const week = Math.min(world.weekly.length - 1, Math.max(0, Math.floor((at - world.start) / WEEK)));
  const table = world.weekly[week]![LEVEL_INDEX[level]]!;
  const count = table.positions.length;
  const total = table.cumulative[count - 1]!;
  for (let attempt = 0; attempt < 8; attempt++) {
    const roll = rng.next() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (table.cumulative[mid]! > roll) high = mid;
      else low = mid + 1;
    }
    const chosen = table.positions[low]!;
    if (chosen !== exclude) return chosen;
  }
  for (let k = 0; k < count; k++) if (table.positions[k] !== exclude) return table.positions[k]!;
  throw new Error('No open position to apply to'); // unreachable: three positions are always open
}

/** Working hours: the same day between 08:00 and 17:00 UTC, on the quarter hour. */
function workingHours(rng: Random, day: number): number {
  const midnight = Math.floor(day / DAY) * DAY;
  const weekday = new Date(midnight).getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return midnight + shift * DAY + 8 * HOUR + rng.int(0, 35) * 15 * MINUTE;
}

function clampScore(value: number): number {
  const rounded = Math.round(value);
  return rounded < 1 ? 1 : rounded > 4 ? 4 : rounded;
}

/** Weighted mean of scores, computed exactly like libs/domain `weightedScore`. */
export function weightedMean(scores: readonly number[], weights: readonly number[]): number {
  let total = 0;
  let sum = 0;
  for (let k = 0; k < weights.length; k++) {
    total += scores[k]! * weights[k]!;
    sum += weights[k]!;
  }
  return total / sum;
}

function recommend(rng: Random, score: number, threshold: number): RecommendationName {
  const felt = score + 0.25 * rng.normal();
  if (felt >= 3.4) return 'STRONG_YES';
  if (felt >= threshold) return 'YES';
  if (felt >= 1.7) return 'NO';
  return 'STRONG_NO';
}

interface PanelScores {
  /** The candidate's ability on this stage, on the rubric's scale, that the scores were drawn around. */
  ability: number;
  scores: number[][];
  weighted: number[];
  recommendations: RecommendationName[];
  average: number;
  reason: string;
  /** Why the rule fails the panel, as decideStage names it (STRONG_NO before BELOW_BAR); null when it passes. */
  failureCode: PanelFailureCodeName | null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Scores a panel so that the stage decision rule (libs/domain decideStage without skills: the
 * mean weighted score reaches the threshold and nobody says STRONG_NO) gives `passed`.
 */
function scorePanel(rng: Random, stage: StageInfo, panel: readonly InterviewerInfo[], passed: boolean): PanelScores {
  const threshold = stage.template.passThreshold;
  const weights = stage.weights;
  const build = (ability: number, force: boolean): PanelScores => {
    const scores = panel.map((interviewer) =>
      weights.map(() => {
        const score = clampScore(ability + interviewer.bias + 0.55 * rng.normal());
        if (!force) return score;
        return passed ? Math.max(score, 3) : Math.min(score, 2);
      }),
    );
    const weighted = scores.map((row) => weightedMean(row, weights));
    const recommendations = weighted.map((score) => {
      const recommendation = recommend(rng, score, threshold);
      if (!force) return recommendation;
      if (passed) return recommendation === 'STRONG_YES' ? recommendation : 'YES';
      return recommendation === 'STRONG_NO' ? recommendation : 'NO';
    });
    let total = 0;
    for (const score of weighted) total += score;
    const average = total / weighted.length;
    const strongNo = recommendations.indexOf('STRONG_NO');
    let reason: string;
    if (average < threshold) reason = `Weighted average ${round2(average)} is below the threshold ${threshold}`;
    else if (strongNo >= 0) reason = `STRONG_NO from ${panel[strongNo]!.name}`;
    else reason = `Weighted average ${round2(average)} reaches the threshold ${threshold}`;
    const failureCode = strongNo >= 0 ? 'STRONG_NO' : average < threshold ? 'BELOW_BAR' : null;
    return { ability, scores, weighted, recommendations, average, reason, failureCode };
  };
  for (let attempt = 0; attempt < 12; attempt++) {
    const ability = passed ? threshold + 0.25 + Math.abs(0.45 * rng.normal()) : threshold - 0.55 + 0.5 * rng.normal();
    const result = build(ability, false);
    const rulePasses = result.average >= threshold && !result.recommendations.includes('STRONG_NO');
    if (rulePasses === passed) return result;
  }
  return build(passed ? threshold + 0.5 : threshold - 0.8, true);
}

/** The questions asked in one interview: two or three of the stage's list (none if it has none). */
function askedQuestions(rng: Random, questions: readonly QuestionInfo[]): QuestionInfo[] {
  if (questions.length === 0) return [];
  const count = Math.min(questions.length, rng.int(2, 3));
  const pool = [...questions];
  const asked: QuestionInfo[] = [];
  while (asked.length < count) asked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return asked;
}

interface PlannedScorecard {
  row: ScorecardRow;
  submittedAt: number;
}

interface PlannedInterview {
  interview: InterviewRow;
  panelists: InterviewPanelistRow[];
  scorecards: PlannedScorecard[];
  /** When the last panelist submitted (null: no scorecards, e.g. a no-show). */
  decisionAt: number | null;
  panel: PanelScores | null;
}

/**
 * Generates the applications with index in [from, to) and everything that hangs off them: the
 * candidate of each first application, stage visits, interviews, panelists, scorecards, stage
 * decisions and transitions, appended to `out`. Ranges concatenate to the whole history.
 */
export function generateApplications(
  world: SyntheticWorld,
  from: number,
  to: number,
  out: SyntheticHistory = emptyHistory(),
): SyntheticHistory {
  const end = Math.min(to, world.options.applications);
  for (let index = Math.max(0, from); index < end; index++) generateApplication(world, index, out);
  return out;
}

/** The whole history in memory: for tests and small sizes. */
export function generateHistory(options: GenerateOptions): SyntheticHistory {
  const world = createSyntheticWorld(options);
  const history = generateApplications(world, 0, world.options.applications);
  for (const table of SYNTHETIC_TABLES) {
    const fixed = world.staticRows[table] as unknown[];
    if (fixed.length) (history[table] as unknown[]).unshift(...fixed);
  }
  return history;
}

function generateApplication(world: SyntheticWorld, index: number, out: SyntheticHistory): void {
  const { seed, transitions: writeTransitions } = world.options;
  const C = world.candidateCount;
  const rng = new Random(seed, STREAM_APPLICATION, index);
  const extra = new Random(seed, STREAM_APPLICATION_EXTRA, index);
  const isFirst = index < C;
  const candidateIndex = isFirst ? index : ((index - C) * world.repeatMultiplier) % C;
  const candidate = candidateProfile(world, candidateIndex);

  let appliedAt: number;
  let positionIndex: number;
  if (isFirst) {
    appliedAt = candidate.firstAppliedAt;
    positionIndex = candidate.firstPosition;
    const createdAt = appliedAt - rng.int(1, 120) * MINUTE;
    out.candidates.push({
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      experienceYears: candidate.years,
      experienceLevel: candidate.level,
      source: candidate.source,
      tags: candidate.tags,
      notes: null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    });
  } else {
    // A second application, to another position, some time after the first.
    const room = world.now - HOUR - candidate.firstAppliedAt;
    const gap = room > 3 * DAY ? 2 * DAY + rng.next() * Math.min(240 * DAY, room - 3 * DAY) : room * rng.next();
    appliedAt = Math.floor((candidate.firstAppliedAt + gap) / 1000) * 1000;
    positionIndex = pickPosition(world, appliedAt, candidate.level, rng, candidate.firstPosition);
  }
  const position = world.positions[positionIndex]!;
  const applicationId = rng.uuid();
  const level = candidate.level;
  const hiringManager = position.hiringManagerId;
  const recruiter = position.recruiterIds[0]!;
  const limit = position.closedAt ?? world.now;
  const closedByPosition = position.closedAt !== null;
  const levelDistance = Math.abs(LEVEL_INDEX[level] - LEVEL_INDEX[position.level]);

  let status: ApplicationStatusName = 'ACTIVE';
  let currentStageId: string | null = null;
  let decidedAt: number | null = null;
  let version = 1;
  let lastEvent = appliedAt;

  const transition = (
    at: number,
    action: string,
    from: ApplicationStatusName,
    to: ApplicationStatusName,
    fromStage: string | null,
    toStage: string | null,
    actor: string | null,
    reason: string | null,
  ) => {
    if (action !== 'apply') version++;
    lastEvent = at;
    // Drawn either way, so that leaving transitions out changes nothing else.
    const id = rng.uuid();
    if (!writeTransitions) return;
    out.applicationTransitions.push({
      id,
      applicationId,
      action,
      fromStatus: from,
      toStatus: to,
      fromStageId: fromStage,
      toStageId: toStage,
      actorId: actor,
      reason,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
  };
  transition(appliedAt, 'apply', 'ACTIVE', 'ACTIVE', null, position.stages[0]!.id, recruiter, null);

  const application: ApplicationRow = {
    id: applicationId,
    candidateId: candidate.id,
    positionId: position.row.id,
    status,
    currentStageId,
    experienceLevel: level,
    appliedAt: new Date(appliedAt),
    decidedAt: null,
    version,
    createdAt: new Date(appliedAt),
    updatedAt: new Date(appliedAt),
  };
  out.applications.push(application);

  /** Adds an interview (and its panel and scorecards) as known at `cutoff`. */
  const emitInterview = (planned: PlannedInterview, cutoff: number) => {
    if (planned.interview.updatedAt.getTime() >= cutoff) return;
    out.interviews.push(planned.interview);
    for (const panelist of planned.panelists) out.interviewPanelists.push(panelist);
    for (const { row, submittedAt } of planned.scorecards) {
      if (submittedAt < cutoff) out.scorecards.push(row);
      else if (row.createdAt.getTime() < cutoff) {
        out.scorecards.push({
          ...row,
          status: 'DRAFT',
          ratings: [],
          questionRatings: [],
          redFlags: [],
          recommendation: null,
          submittedAt: null,
          weightedScore: null,
          version: 1,
          updatedAt: row.createdAt,
        });
      }
    }
  };

  const planInterview = (stage: StageInfo, startsAt: number, scheduledAt: number, noShow: boolean, passed: boolean) => {
    const template = stage.template;
    const endsAt = startsAt + template.durationMinutes * MINUTE;
    const interviewId = rng.uuid();
    const size = rng.int(template.panel[0], template.panel[1]);
    const pool = position.interviewerPool;
    const panel: InterviewerInfo[] = [];
    while (panel.length < size) {
      const interviewer = world.interviewers[pool[rng.int(0, pool.length - 1)]!]!;
      if (!panel.includes(interviewer)) panel.push(interviewer);
    }
    const interview: InterviewRow = {
      id: interviewId,
      applicationId,
      stageId: stage.id,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      location: template.kind === 'FINAL' && rng.chance(0.4) ? 'On-site' : 'Video call',
      status: noShow ? 'NO_SHOW' : 'COMPLETED',
      cancelReason: null,
      sequence: 0,
      version: 2,
      createdAt: new Date(scheduledAt),
      updatedAt: new Date(endsAt + rng.int(1, 90) * MINUTE),
    };
    const panelists = panel.map((interviewer): InterviewPanelistRow => ({
      id: rng.uuid(),
      interviewId,
      interviewerId: interviewer.id,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      blocksCalendar: false,
      createdAt: interview.createdAt,
      updatedAt: interview.updatedAt,
    }));
    if (noShow) return { interview, panelists, scorecards: [], decisionAt: null, panel: null };
    const scores = scorePanel(rng, stage, panel, passed);
    const asked = askedQuestions(extra, stage.questions);
    let decisionAt = 0;
    const scorecards = panel.map((interviewer, k): PlannedScorecard => {
      const u = rng.next();
      const submittedAt = endsAt + Math.round((1 + 71 * u * u) * HOUR + rng.int(0, 3599) * 1000);
      const createdAt = endsAt + Math.round((submittedAt - endsAt) * 0.6 * rng.next());
      if (submittedAt > decisionAt) decisionAt = submittedAt;
      const recommendation = scores.recommendations[k]!;
      const row: ScorecardRow = {
        id: rng.uuid(),
        interviewId,
        interviewerId: interviewer.id,
        status: 'SUBMITTED',
        ratings: stage.criterionIds.map((criterionId, c) => ({
          criterionId,
          score: scores.scores[k]![c]!,
          evidence: null,
        })),
        questionRatings: asked.map((question) => {
          const score = clampScore(scores.ability + interviewer.bias + question.noise * extra.normal());
          return {
            questionId: question.id,
            score,
            note: extra.chance(0.15) ? extra.pick(QUESTION_NOTES[score]!) : null,
          };
        }),
        skillVerdicts: [],
        redFlags: recommendation === 'STRONG_NO' && rng.chance(0.5) ? [rng.pick(RED_FLAGS)] : [],
        recommendation,
        notes: null,
        dueAt: new Date(endsAt + template.feedbackDueHours * HOUR),
        submittedAt: new Date(submittedAt),
        weightedScore: scores.weighted[k]!,
        version: 2,
        createdAt: new Date(createdAt),
        updatedAt: new Date(submittedAt),
      };
      return { row, submittedAt };
    });
    return { interview, panelists, scorecards, decisionAt, panel: scores };
  };

  let t = appliedAt;
  let finished = true;
  for (let s = 0; s < position.stages.length; s++) {
    const stage = position.stages[s]!;
    const template = stage.template;
    const next = position.stages[s + 1] ?? null;
    const visit: StageVisitRow = {
      id: rng.uuid(),
      applicationId,
      stageId: stage.id,
      enteredAt: new Date(t),
      exitedAt: null,
      outcome: null,
      decidedById: null,
      reason: null,
      reasonCode: null,
      createdAt: new Date(t),
      updatedAt: new Date(t),
    };
    out.stageVisits.push(visit);

    // What would happen in this stage if nothing stopped it.
    let outcome: StageOutcomeName;
    let exitAt: number;
    let decidedBy: string | null;
    let reason: string | null;
    let reasonCode: RejectionReasonName | null = null;
    const interviews: PlannedInterview[] = [];
    let decision: StageDecisionRow | null = null;
    const roll = rng.next();
    if (roll < template.withdrawRate) {
      outcome = 'WITHDRAWN';
      exitAt = t + rng.between(4 * HOUR, 10 * DAY);
      decidedBy = recruiter;
      reason = rng.chance(0.8) ? rng.pick(WITHDRAW_REASONS) : null;
    } else if (roll < template.withdrawRate + template.skipRate) {
      outcome = 'SKIPPED';
      exitAt = t + rng.between(1 * HOUR, 2 * DAY);
      decidedBy = recruiter;
      reason = rng.pick(SKIP_REASONS);
    } else {
      let passRate = template.passRate + template.levelAdjust[level];
      if (template.kind === 'HR_SCREEN') {
        passRate += SOURCE_HR_BONUS[candidate.source] ?? 0;
        passRate += levelDistance === 0 ? 0.04 : levelDistance === 1 ? -0.04 : -0.3;
      }
      if (template.kind === 'FINAL') passRate += position.profile === 'STARTUP' ? -0.05 : 0.02;
      const passed = rng.chance(Math.min(0.97, Math.max(0.05, passRate)));
      let startsAt = workingHours(rng, t + rng.between(template.scheduleDays[0], template.scheduleDays[1]) * DAY);
      if (startsAt < t + 2 * HOUR) startsAt += DAY;
      let scheduledAt = t + Math.round(rng.between(10 * MINUTE, Math.min(DAY, startsAt - t - HOUR)));
      let planned: PlannedInterview;
      let missedAt: number | null = null;
      if (rng.chance(0.03)) {
        const missed = planInterview(stage, startsAt, scheduledAt, true, passed);
        interviews.push(missed);
        const missedEnd = missed.interview.endsAt.getTime();
        if (rng.chance(0.35)) {
          missedAt = missedEnd;
          planned = missed;
        } else {
          scheduledAt = missed.interview.updatedAt.getTime() + rng.int(5, 240) * MINUTE;
          startsAt = workingHours(rng, missedEnd + rng.between(2, 7) * DAY);
          if (startsAt < scheduledAt + HOUR) startsAt += DAY;
          planned = planInterview(stage, startsAt, scheduledAt, false, passed);
          interviews.push(planned);
        }
      } else {
        planned = planInterview(stage, startsAt, scheduledAt, false, passed);
        interviews.push(planned);
      }
      if (missedAt !== null || !planned.panel || planned.decisionAt === null) {
        // The candidate did not show up and the hiring manager rejected them.
        outcome = 'FAILED';
        exitAt = (missedAt ?? t) + rng.between(2 * HOUR, 2 * DAY);
        decidedBy = hiringManager;
        reason = NO_SHOW_REASON;
        reasonCode = weightedPick(extra, NO_SHOW_CODES);
      } else {
        const decisionAt = planned.decisionAt;
        outcome = passed ? 'PASSED' : 'FAILED';
        // A failing panel always has a code (scorePanel makes the rule agree with `passed`).
        const panelCode = passed ? null : (planned.panel.failureCode ?? 'BELOW_BAR');
        if (template.autoAdvance) {
          exitAt = decisionAt + rng.int(2, 180) * 1000;
          decidedBy = null;
          reason = `Automatic stage decision: ${planned.panel.reason}`;
          reasonCode = panelCode;
        } else {
          exitAt = decisionAt + rng.between(1 * HOUR, 96 * HOUR);
          decidedBy = hiringManager;
          reason = passed ? null : rng.pick(template.failReasons);
          // The manager rejects by hand, with a code of their own that matches what they wrote.
          if (reason !== null) reasonCode = weightedPick(extra, MANAGER_REJECTION_CODES[reason] ?? [['OTHER', 1]]);
        }
        decision = {
          id: rng.uuid(),
          visitId: visit.id,
          applicationId,
          stageId: stage.id,
          outcome: passed ? 'PASSED' : 'FAILED',
          average: planned.panel.average,
          reasons: [planned.panel.reason],
          reasonCode: panelCode,
          automatic: template.autoAdvance,
          appliedAt: null,
          outcomeApplied: null,
          createdAt: new Date(decisionAt),
          updatedAt: new Date(decisionAt),
        };
      }
    }
    exitAt = Math.round(exitAt);

    if (exitAt >= limit) {
      // Stopped by the position closing, or still going on now.
      let cutoff = limit;
      if (closedByPosition) {
        for (const planned of interviews) emitInterview(planned, cutoff);
        Object.assign(visit, {
          exitedAt: new Date(limit),
          outcome: 'FAILED',
          decidedById: recruiter,
          reason: POSITION_CLOSED_REASON,
          reasonCode: weightedPick(extra, POSITION_CLOSED_CODES),
          updatedAt: new Date(limit),
        });
        if (decision && decision.createdAt.getTime() < cutoff) {
          decision.appliedAt = new Date(limit);
          decision.outcomeApplied = decision.outcome === 'FAILED';
          decision.updatedAt = new Date(limit);
          out.stageDecisions.push(decision);
        }
        status = 'REJECTED';
        decidedAt = limit;
        transition(limit, 'reject', 'ACTIVE', 'REJECTED', stage.id, null, recruiter, POSITION_CLOSED_REASON);
      } else {
        currentStageId = stage.id;
        if (rng.chance(0.02)) {
          cutoff = Math.floor(t + rng.next() * (world.now - t));
          status = 'ON_HOLD';
          transition(cutoff, 'hold', 'ACTIVE', 'ON_HOLD', stage.id, stage.id, recruiter, 'Candidate asked to pause');
        }
        for (const planned of interviews) emitInterview(planned, cutoff);
        if (decision && decision.createdAt.getTime() < cutoff) out.stageDecisions.push(decision);
      }
      finished = false;
      break;
    }

    for (const planned of interviews) emitInterview(planned, Infinity);
    visit.exitedAt = new Date(exitAt);
    visit.outcome = outcome;
    visit.decidedById = decidedBy;
    visit.reason = reason;
    visit.reasonCode = reasonCode;
    visit.updatedAt = visit.exitedAt;
    if (decision) {
      decision.appliedAt = visit.exitedAt;
      decision.outcomeApplied = true;
      decision.updatedAt = visit.exitedAt;
      out.stageDecisions.push(decision);
    }
    t = exitAt;
    if (outcome === 'PASSED' || outcome === 'SKIPPED') {
      const action = outcome === 'PASSED' ? 'advance' : 'skip';
      transition(t, action, 'ACTIVE', 'ACTIVE', stage.id, next?.id ?? null, decidedBy, reason);
      continue;
    }
    status = outcome === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED';
    decidedAt = t;
    transition(t, outcome === 'WITHDRAWN' ? 'withdraw' : 'reject', 'ACTIVE', status, stage.id, null, decidedBy, reason);
    finished = false;
    break;
  }
  if (finished) {
    status = 'HIRED';
    decidedAt = t;
    transition(t, 'hire', 'ACTIVE', 'HIRED', null, null, hiringManager, null);
  }

  application.status = status;
  application.currentStageId = currentStageId;
  application.decidedAt = decidedAt === null ? null : new Date(decidedAt);
  application.version = version;
  application.updatedAt = new Date(lastEvent);
}
