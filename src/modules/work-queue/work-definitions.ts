/**
 * The one home of "overdue", "stalled" and the other work-queue definitions (docs/domain.md#work-queue).
 * myWorkQueue lists these rows and the jobs (scorecard reminders, stalled alerts) act on the same
 * ones, so what a recruiter sees and what the system chases cannot drift apart. Each is SQL over
 * rows (application_id, interview_id, since); `?` parameters are, in order, given by `params`.
 */

/** When a panelist's scorecard for interview `i` (stage `ps`) is due: interview end + feedbackDueHours. */
export const SCORECARD_DUE_AT = `(i.ends_at + make_interval(hours => ps.feedback_due_hours))`;

/** The SLA of the open visit `sv` on stage `ps`: slaDays of the stage, else STAGE_SLA_DAYS (the `sla` parameter). */
const SLA_ENDS_AT = `(sv.entered_at + make_interval(days => coalesce(ps.sla_days, :sla::int)))`;

const OPEN_VISIT = `join stage_visit sv on sv.application_id = a.id and sv.stage_id = a.current_stage_id
    and sv.exited_at is null`;

const NO_SCHEDULED_INTERVIEW = `not exists (select 1 from interview si where si.application_id = a.id
      and si.stage_id = a.current_stage_id and si.status = 'SCHEDULED')`;

const NO_DECISION = `not exists (select 1 from stage_decision sd where sd.visit_id = sv.id)`;

/** Unsubmitted panelists of interview `i` (a panelist owes a card whether or not they opened a draft). */
export const UNSUBMITTED_PANELISTS = `select ip.interviewer_id from interview_panelist ip
    where ip.interview_id = i.id and not exists (select 1 from scorecard sc where sc.interview_id = i.id
      and sc.interviewer_id = ip.interviewer_id and sc.status = 'SUBMITTED')`;

/** Completed interviews of live applications with at least one unsubmitted panelist (due or not yet). */
const SCORECARDS_OWED = `from interview i join plan_stage ps on ps.id = i.stage_id join application a on a.id = i.application_id
    where i.status = 'COMPLETED' and a.status in ('ACTIVE', 'ON_HOLD') and exists (${UNSUBMITTED_PANELISTS})`;

/**
 * The scorecard reminders' subjects: every interview that still owes a scorecard, with its due time
 * and its unsubmitted panelists. Once it is due it is exactly an `overdueScorecards` row.
 */
export const SCORECARDS_OWED_SQL = `select i.id as interview_id, i.application_id, a.position_id,
      ${SCORECARD_DUE_AT} as due_at, array(${UNSUBMITTED_PANELISTS}) as unsubmitted
    ${SCORECARDS_OWED}`;

/**
 * Automatic stage decisions the system still has to carry out (the complement of the
 * `decisionsWaiting` rows among unapplied decisions of an open visit).
 */
export const AUTOMATIC_DECISIONS_PENDING_SQL = `select d.id as decision_id from stage_decision d
    join stage_visit sv on sv.id = d.visit_id join application a on a.id = d.application_id
    where d.applied_at is null and sv.exited_at is null and d.automatic and a.status = 'ACTIVE'`;

export type WorkSection = 'toSchedule' | 'overdueScorecards' | 'stalled' | 'decisionsWaiting' | 'awaitingHire';

/** Each section's rows; `:now` and `:sla` are bound by `bindWork`. */
export const WORK_SQL: Record<WorkSection, string> = {
  /** Active applications with no interview scheduled or held for their current stage and no decision yet. */
  toSchedule: `select a.id as application_id, null::uuid as interview_id, sv.entered_at as since, a.position_id
    from application a ${OPEN_VISIT}
    where a.status = 'ACTIVE'
      and not exists (select 1 from interview si where si.application_id = a.id
        and si.stage_id = a.current_stage_id and si.status in ('SCHEDULED', 'COMPLETED'))
      and ${NO_DECISION}`,
  /** Completed interviews of live applications with at least one scorecard past due. */
  overdueScorecards: `select i.application_id, i.id as interview_id, ${SCORECARD_DUE_AT} as since, a.position_id
    ${SCORECARDS_OWED} and ${SCORECARD_DUE_AT} <= :now::timestamptz`,
  /** Active applications in their stage longer than its SLA without a scheduled interview or a decision. */
  stalled: `select a.id as application_id, null::uuid as interview_id, sv.entered_at as since, a.position_id
    from application a ${OPEN_VISIT} join plan_stage ps on ps.id = a.current_stage_id
    where a.status = 'ACTIVE' and ${SLA_ENDS_AT} <= :now::timestamptz
      and ${NO_SCHEDULED_INTERVIEW} and ${NO_DECISION}`,
  /** Computed stage decisions of an open visit that a person must carry out (not automatic, or the application is on hold). */
  decisionsWaiting: `select d.application_id, null::uuid as interview_id, d.created_at as since, a.position_id
    from stage_decision d join stage_visit sv on sv.id = d.visit_id join application a on a.id = d.application_id
    where d.applied_at is null and sv.exited_at is null
      and (a.status = 'ACTIVE' and not d.automatic or a.status = 'ON_HOLD')`,
  /** Active applications past the last stage, waiting for the hire decision. */
  awaitingHire: `select a.id as application_id, null::uuid as interview_id,
      coalesce((select max(v.exited_at) from stage_visit v where v.application_id = a.id), a.applied_at) as since,
      a.position_id
    from application a where a.status = 'ACTIVE' and a.current_stage_id is null`,
};

/** The stalled rows' SLA end, for the stalled-application job (once per SLA period). */
export const STALLED_SQL = `select a.id as application_id, a.position_id, sv.id as visit_id, sv.entered_at,
      coalesce(ps.sla_days, :sla::int) as sla_days
    from application a ${OPEN_VISIT} join plan_stage ps on ps.id = a.current_stage_id
    where a.status = 'ACTIVE' and ${SLA_ENDS_AT} <= :now::timestamptz
      and ${NO_SCHEDULED_INTERVIEW} and ${NO_DECISION}`;

/** Replaces `:now` and `:sla` with `?` parameters, in order of appearance (`::casts` are left alone). */
export function bindWork(sql: string, values: { now: Date; sla: number }): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = sql.replace(/(?<!:):(now|sla)\b/g, (_, name: 'now' | 'sla') => {
    params.push(values[name]);
    return '?';
  });
  return { sql: text, params };
}
