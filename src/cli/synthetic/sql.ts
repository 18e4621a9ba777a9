// Writes generated rows into PostgreSQL with bulk inserts: one `insert ... select from
// rows from (unnest(array), ...)` per table and batch, every column travelling as one parameter.
import { SYNTHETIC_TABLES, type SyntheticHistory, type SyntheticTable } from './rows';

type ColumnKind =
  | 'uuid'
  | 'text'
  | 'int'
  | 'float'
  | 'bool'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]'
  | { enum: string }
  | { enumArray: string };

interface Column<Row> {
  name: string;
  kind: ColumnKind;
  get: (row: Row) => unknown;
}

interface TableSpec<Row> {
  table: string;
  columns: Array<Column<Row>>;
}

type Specs = { [K in SyntheticTable]: TableSpec<SyntheticHistory[K][number]> };

const created = <Row extends { createdAt: Date; updatedAt: Date }>(): Array<Column<Row>> => [
  { name: 'created_at', kind: 'timestamptz', get: (row) => row.createdAt },
  { name: 'updated_at', kind: 'timestamptz', get: (row) => row.updatedAt },
];

const TABLES: Specs = {
  users: {
    table: 'app_user',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'email', kind: 'text', get: (r) => r.email },
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'roles', kind: { enumArray: 'role' }, get: (r) => r.roles },
      { name: 'timezone', kind: 'text', get: (r) => r.timezone },
      { name: 'password_hash', kind: 'text', get: (r) => r.passwordHash },
      { name: 'deactivated_at', kind: 'timestamptz', get: (r) => r.deactivatedAt },
    ],
  },
  skills: {
    table: 'skill',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'key', kind: 'text', get: (r) => r.key },
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'description', kind: 'text', get: (r) => r.description },
      { name: 'archived_at', kind: 'timestamptz', get: (r) => r.archivedAt },
    ],
  },
  questions: {
    table: 'question',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'key', kind: 'text', get: (r) => r.key },
      { name: 'category', kind: { enum: 'question_category' }, get: (r) => r.category },
      { name: 'prompt', kind: 'text', get: (r) => r.prompt },
      { name: 'what_interviewer_wants', kind: 'text', get: (r) => r.whatInterviewerWants },
      { name: 'key_points', kind: 'text[]', get: (r) => r.keyPoints },
      { name: 'good_answer_example', kind: 'text', get: (r) => r.goodAnswerExample },
      { name: 'bad_answer_example', kind: 'text', get: (r) => r.badAnswerExample },
      { name: 'follow_ups', kind: 'text[]', get: (r) => r.followUps },
      { name: 'red_flags', kind: 'text[]', get: (r) => r.redFlags },
      { name: 'star', kind: 'jsonb', get: (r) => r.star },
      { name: 'archived_at', kind: 'timestamptz', get: (r) => r.archivedAt },
    ],
  },
  interviewPlans: {
    table: 'interview_plan',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'description', kind: 'text', get: (r) => r.description },
      { name: 'family', kind: 'uuid', get: (r) => r.family },
      { name: 'version', kind: 'int', get: (r) => r.version },
      { name: 'is_template', kind: 'bool', get: (r) => r.isTemplate },
      { name: 'copied_from_id', kind: 'uuid', get: (r) => r.copiedFromId },
      { name: 'superseded_at', kind: 'timestamptz', get: (r) => r.supersededAt },
      { name: 'archived_at', kind: 'timestamptz', get: (r) => r.archivedAt },
      { name: 'built_in_key', kind: 'text', get: (r) => r.builtInKey },
    ],
  },
  planStages: {
    table: 'plan_stage',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'plan_id', kind: 'uuid', get: (r) => r.planId },
      { name: 'key', kind: 'text', get: (r) => r.key },
      { name: 'kind', kind: { enum: 'stage_kind' }, get: (r) => r.kind },
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'order', kind: 'int', get: (r) => r.order },
      { name: 'focus_areas', kind: 'text[]', get: (r) => r.focusAreas },
      { name: 'participants', kind: 'text[]', get: (r) => r.participants },
      { name: 'success_criteria', kind: 'text[]', get: (r) => r.successCriteria },
      { name: 'preparation_tips', kind: 'text[]', get: (r) => r.preparationTips },
      { name: 'duration_minutes', kind: 'int', get: (r) => r.durationMinutes },
      { name: 'feedback_due_hours', kind: 'int', get: (r) => r.feedbackDueHours },
      { name: 'auto_advance', kind: 'bool', get: (r) => r.autoAdvance },
      { name: 'pass_threshold', kind: 'float', get: (r) => r.passThreshold },
      { name: 'interviewer_weighs', kind: 'text[]', get: (r) => r.interviewerWeighs },
      { name: 'revision', kind: 'int', get: (r) => r.revision },
    ],
  },
  planStageQuestions: {
    table: 'plan_stage_question',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'stage_id', kind: 'uuid', get: (r) => r.stageId },
      { name: 'question_id', kind: 'uuid', get: (r) => r.questionId },
      { name: 'position', kind: 'int', get: (r) => r.position },
    ],
  },
  rubrics: {
    table: 'rubric',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'stage_id', kind: 'uuid', get: (r) => r.stageId },
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'scale_min', kind: 'int', get: (r) => r.scaleMin },
      { name: 'scale_max', kind: 'int', get: (r) => r.scaleMax },
    ],
  },
  rubricCriteria: {
    table: 'rubric_criterion',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'rubric_id', kind: 'uuid', get: (r) => r.rubricId },
      { name: 'key', kind: 'text', get: (r) => r.key },
      { name: 'position', kind: 'int', get: (r) => r.position },
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'description', kind: 'text', get: (r) => r.description },
      { name: 'weight', kind: 'float', get: (r) => r.weight },
      { name: 'levels', kind: 'jsonb', get: (r) => r.levels },
      { name: 'covers', kind: 'text[]', get: (r) => r.covers },
    ],
  },
  skillRequirements: {
    table: 'skill_requirement',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'plan_id', kind: 'uuid', get: (r) => r.planId },
      { name: 'skill_id', kind: 'uuid', get: (r) => r.skillId },
      { name: 'position', kind: 'int', get: (r) => r.position },
      { name: 'priority', kind: { enum: 'skill_priority' }, get: (r) => r.priority },
      { name: 'verification_method', kind: 'text', get: (r) => r.verificationMethod },
      { name: 'minimum_requirement', kind: 'text', get: (r) => r.minimumRequirement },
      { name: 'evaluation_criteria', kind: 'text[]', get: (r) => r.evaluationCriteria },
    ],
  },
  skillRequirementVerifiedIn: {
    table: 'skill_requirement_verified_in',
    columns: [
      { name: 'skill_requirement_id', kind: 'uuid', get: (r) => r.skillRequirementId },
      { name: 'plan_stage_id', kind: 'uuid', get: (r) => r.planStageId },
    ],
  },
  positions: {
    table: 'position',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'title', kind: 'text', get: (r) => r.title },
      { name: 'level', kind: { enum: 'experience_level' }, get: (r) => r.level },
      { name: 'company_profile', kind: { enum: 'company_profile' }, get: (r) => r.companyProfile },
      { name: 'status', kind: { enum: 'position_status' }, get: (r) => r.status },
      { name: 'hiring_manager_id', kind: 'uuid', get: (r) => r.hiringManagerId },
      { name: 'plan_id', kind: 'uuid', get: (r) => r.planId },
      { name: 'opened_at', kind: 'timestamptz', get: (r) => r.openedAt },
      { name: 'closed_at', kind: 'timestamptz', get: (r) => r.closedAt },
      { name: 'revision', kind: 'int', get: (r) => r.revision },
    ],
  },
  positionRecruiters: {
    table: 'position_recruiter',
    columns: [
      { name: 'position_id', kind: 'uuid', get: (r) => r.positionId },
      { name: 'user_id', kind: 'uuid', get: (r) => r.userId },
    ],
  },
  candidates: {
    table: 'candidate',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'name', kind: 'text', get: (r) => r.name },
      { name: 'email', kind: 'text', get: (r) => r.email },
      { name: 'phone', kind: 'text', get: (r) => r.phone },
      { name: 'experience_years', kind: 'float', get: (r) => r.experienceYears },
      { name: 'experience_level', kind: { enum: 'experience_level' }, get: (r) => r.experienceLevel },
      { name: 'source', kind: 'text', get: (r) => r.source },
      { name: 'tags', kind: 'text[]', get: (r) => r.tags },
      { name: 'notes', kind: 'text', get: (r) => r.notes },
    ],
  },
  applications: {
    table: 'application',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'candidate_id', kind: 'uuid', get: (r) => r.candidateId },
      { name: 'position_id', kind: 'uuid', get: (r) => r.positionId },
      { name: 'status', kind: { enum: 'application_status' }, get: (r) => r.status },
      { name: 'current_stage_id', kind: 'uuid', get: (r) => r.currentStageId },
      { name: 'experience_level', kind: { enum: 'experience_level' }, get: (r) => r.experienceLevel },
      { name: 'applied_at', kind: 'timestamptz', get: (r) => r.appliedAt },
      { name: 'decided_at', kind: 'timestamptz', get: (r) => r.decidedAt },
      { name: 'version', kind: 'int', get: (r) => r.version },
    ],
  },
  stageVisits: {
    table: 'stage_visit',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'application_id', kind: 'uuid', get: (r) => r.applicationId },
      { name: 'stage_id', kind: 'uuid', get: (r) => r.stageId },
      { name: 'entered_at', kind: 'timestamptz', get: (r) => r.enteredAt },
      { name: 'exited_at', kind: 'timestamptz', get: (r) => r.exitedAt },
      { name: 'outcome', kind: { enum: 'stage_outcome' }, get: (r) => r.outcome },
      { name: 'decided_by_id', kind: 'uuid', get: (r) => r.decidedById },
      { name: 'reason', kind: 'text', get: (r) => r.reason },
      { name: 'reason_code', kind: { enum: 'rejection_reason' }, get: (r) => r.reasonCode },
    ],
  },
  interviews: {
    table: 'interview',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'application_id', kind: 'uuid', get: (r) => r.applicationId },
      { name: 'candidate_id', kind: 'uuid', get: (r) => r.candidateId },
      { name: 'stage_id', kind: 'uuid', get: (r) => r.stageId },
      { name: 'starts_at', kind: 'timestamptz', get: (r) => r.startsAt },
      { name: 'ends_at', kind: 'timestamptz', get: (r) => r.endsAt },
      { name: 'location', kind: 'text', get: (r) => r.location },
      { name: 'status', kind: { enum: 'interview_status' }, get: (r) => r.status },
      { name: 'cancel_reason', kind: 'text', get: (r) => r.cancelReason },
      { name: 'sequence', kind: 'int', get: (r) => r.sequence },
      { name: 'version', kind: 'int', get: (r) => r.version },
    ],
  },
  interviewPanelists: {
    table: 'interview_panelist',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'interview_id', kind: 'uuid', get: (r) => r.interviewId },
      { name: 'interviewer_id', kind: 'uuid', get: (r) => r.interviewerId },
      { name: 'starts_at', kind: 'timestamptz', get: (r) => r.startsAt },
      { name: 'ends_at', kind: 'timestamptz', get: (r) => r.endsAt },
      { name: 'blocks_calendar', kind: 'bool', get: (r) => r.blocksCalendar },
    ],
  },
  scorecards: {
    table: 'scorecard',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'interview_id', kind: 'uuid', get: (r) => r.interviewId },
      { name: 'interviewer_id', kind: 'uuid', get: (r) => r.interviewerId },
      { name: 'status', kind: { enum: 'scorecard_status' }, get: (r) => r.status },
      { name: 'ratings', kind: 'jsonb', get: (r) => r.ratings },
      { name: 'question_ratings', kind: 'jsonb', get: (r) => r.questionRatings },
      { name: 'skill_verdicts', kind: 'jsonb', get: (r) => r.skillVerdicts },
      { name: 'red_flags', kind: 'text[]', get: (r) => r.redFlags },
      { name: 'recommendation', kind: { enum: 'recommendation' }, get: (r) => r.recommendation },
      { name: 'notes', kind: 'text', get: (r) => r.notes },
      { name: 'due_at', kind: 'timestamptz', get: (r) => r.dueAt },
      { name: 'submitted_at', kind: 'timestamptz', get: (r) => r.submittedAt },
      { name: 'weighted_score', kind: 'float', get: (r) => r.weightedScore },
      { name: 'version', kind: 'int', get: (r) => r.version },
    ],
  },
  applicationSkillVerdicts: {
    table: 'application_skill_verdict',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'application_id', kind: 'uuid', get: (r) => r.applicationId },
      { name: 'skill_id', kind: 'uuid', get: (r) => r.skillId },
      { name: 'stage_id', kind: 'uuid', get: (r) => r.stageId },
      { name: 'verdict', kind: { enum: 'skill_verdict' }, get: (r) => r.verdict },
      { name: 'evidence', kind: 'text', get: (r) => r.evidence },
      { name: 'scorecard_id', kind: 'uuid', get: (r) => r.scorecardId },
      { name: 'interviewer_id', kind: 'uuid', get: (r) => r.interviewerId },
    ],
  },
  stageDecisions: {
    table: 'stage_decision',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'visit_id', kind: 'uuid', get: (r) => r.visitId },
      { name: 'application_id', kind: 'uuid', get: (r) => r.applicationId },
      { name: 'stage_id', kind: 'uuid', get: (r) => r.stageId },
      { name: 'outcome', kind: { enum: 'stage_decision_outcome' }, get: (r) => r.outcome },
      { name: 'average', kind: 'float', get: (r) => r.average },
      { name: 'reasons', kind: 'text[]', get: (r) => r.reasons },
      { name: 'reason_code', kind: { enum: 'rejection_reason' }, get: (r) => r.reasonCode },
      { name: 'automatic', kind: 'bool', get: (r) => r.automatic },
      { name: 'applied_at', kind: 'timestamptz', get: (r) => r.appliedAt },
      { name: 'outcome_applied', kind: 'bool', get: (r) => r.outcomeApplied },
    ],
  },
  applicationTransitions: {
    table: 'application_transition',
    columns: [
      { name: 'id', kind: 'uuid', get: (r) => r.id },
      ...created(),
      { name: 'application_id', kind: 'uuid', get: (r) => r.applicationId },
      { name: 'action', kind: 'text', get: (r) => r.action },
      { name: 'from_status', kind: { enum: 'application_status' }, get: (r) => r.fromStatus },
      { name: 'to_status', kind: { enum: 'application_status' }, get: (r) => r.toStatus },
      { name: 'from_stage_id', kind: 'uuid', get: (r) => r.fromStageId },
      { name: 'to_stage_id', kind: 'uuid', get: (r) => r.toStageId },
      { name: 'actor_id', kind: 'uuid', get: (r) => r.actorId },
      { name: 'reason', kind: 'text', get: (r) => r.reason },
    ],
  },
};

/** The database table a history table is written to. */
export function tableNameOf(table: SyntheticTable): string {
  return TABLES[table].table;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * How one column travels: the set-returning function over its parameter (zipped with the other
 * columns' by ROWS FROM) and the expression that turns one of its elements into the column value.
 */
function columnSql(kind: ColumnKind, param: string, element: string): { source: string; value: string } {
  if (typeof kind === 'object') {
    if ('enum' in kind) return { source: `unnest(${param}::${quoteIdent(kind.enum)}[])`, value: element };
    return { source: `unnest(${param}::text[])`, value: `${element}::${quoteIdent(kind.enumArray)}[]` };
  }
  switch (kind) {
    case 'timestamptz':
      // Epoch milliseconds: exact (to the microsecond) and cheaper to send and parse than text.
      return { source: `unnest(${param}::float8[])`, value: `to_timestamp(${element} / 1000)` };
    case 'jsonb':
      // One JSON array for the whole column: no per-element quoting on either side.
      return { source: `jsonb_array_elements(${param}::jsonb)`, value: `nullif(${element}, 'null'::jsonb)` };
    case 'text[]':
      return { source: `unnest(${param}::text[])`, value: `${element}::text[]` };
    case 'float':
      return { source: `unnest(${param}::float8[])`, value: element };
    default:
      return { source: `unnest(${param}::${kind}[])`, value: element };
  }
}

const insertSqlCache = new Map<string, string>();

function insertSql(spec: TableSpec<never>): string {
  let sql = insertSqlCache.get(spec.table);
  if (sql) return sql;
  const parts = spec.columns.map((column, index) => columnSql(column.kind, `$${index + 1}`, `u.c${index}`));
  sql =
    `insert into ${quoteIdent(spec.table)} (${spec.columns.map((column) => quoteIdent(column.name)).join(', ')}) ` +
    `select ${parts.map((part) => part.value).join(', ')} ` +
    `from rows from (${parts.map((part) => part.source).join(', ')}) ` +
    `as u(${spec.columns.map((_, index) => `c${index}`).join(', ')})`;
  insertSqlCache.set(spec.table, sql);
  return sql;
}

/** One element of a PostgreSQL array literal, quoted. */
function quoted(value: string): string {
  return '"' + (/["\\]/.test(value) ? value.replace(/["\\]/g, '\\$&') : value) + '"';
}

type Serializer = (value: unknown) => string;

const asIs: Serializer = (value) => value as string;

/** Epoch milliseconds as decimal text; split so that both halves are small integers (fast). */
function epochMillis(value: unknown): string {
  const ms = (value as Date).getTime();
  if (ms < 0) return String(ms);
  const high = Math.floor(ms / 1_000_000);
  const low = ms - high * 1_000_000;
  return high === 0 ? String(low) : String(high) + String(low).padStart(6, '0');
}

const SERIALIZERS: Record<Exclude<ColumnKind, object>, Serializer> = {
  uuid: asIs,
  int: (value) => String(value),
  float: (value) => String(value),
  bool: (value) => (value ? 't' : 'f'),
  timestamptz: epochMillis,
  text: (value) => quoted(value as string),
  jsonb: (value) => JSON.stringify(value), // unused: jsonb columns travel as one JSON array
  'text[]': (value) => quoted(`{${(value as string[]).map(quoted).join(',')}}`),
};
const enumArray: Serializer = (value) => quoted(`{${(value as string[]).join(',')}}`);

function serializer(kind: ColumnKind): Serializer {
  if (typeof kind !== 'object') return SERIALIZERS[kind];
  return 'enum' in kind ? asIs : enumArray;
}

/** The parameter of one column over rows [from, to): an array literal (SQL NULL for null), or JSON. */
function columnParam<Row>(column: Column<Row>, rows: readonly Row[], from: number, to: number): string {
  const get = column.get;
  if (column.kind === 'jsonb') {
    const values = new Array<unknown>(to - from);
    for (let index = from; index < to; index++) values[index - from] = get(rows[index]!) ?? null;
    return JSON.stringify(values);
  }
  const serialize = serializer(column.kind);
  let literal = '{';
  for (let index = from; index < to; index++) {
    const value = get(rows[index]!);
    if (index > from) literal += ',';
    literal += value === null || value === undefined ? 'NULL' : serialize(value);
  }
  return literal + '}';
}

/** Minimal structural client: `pg`'s Client and PoolClient fit. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface InsertProgress {
  table: SyntheticTable;
  /** Rows of this table written by this statement. */
  rows: number;
}

export interface InsertOptions {
  /** Rows per INSERT statement. Default 5000. */
  batchSize?: number;
  onProgress?: (progress: InsertProgress) => void;
}

/**
 * Writes the rows, table by table in foreign-key order, in one transaction, with statements of at
 * most `batchSize` rows. Returns the number of rows written.
 */
export async function insertHistory(
  client: Queryable,
  history: SyntheticHistory,
  options: InsertOptions = {},
): Promise<number> {
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  let written = 0;
  await client.query('begin');
  try {
    for (const table of SYNTHETIC_TABLES) {
      const rows = history[table] as unknown as readonly never[];
      const spec = TABLES[table] as TableSpec<never>;
      const sql = insertSql(spec);
      for (let from = 0; from < rows.length; from += batchSize) {
        const to = Math.min(rows.length, from + batchSize);
        await client.query(
          sql,
          spec.columns.map((column) => columnParam(column, rows, from, to)),
        );
        written += to - from;
        options.onProgress?.({ table, rows: to - from });
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  return written;
}
