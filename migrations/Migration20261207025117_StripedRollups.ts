import { Migration } from '@mikro-orm/migrations';

/**
 * Striped rollups (issue 14, "Writes"): every rollup key may now have one row per stripe, and each
 * transaction writes only the stripe it holds (analytics_stripe(): the lowest of STRIPES slots that
 * no running transaction holds, taken with a transaction-scoped advisory lock). Two transactions
 * moving the same week, level and profile therefore never wait on each other's row locks; readers
 * already sum every row of a key. analytics_rebuild() writes stripe 0 only, and
 * analytics_fold_stripes() folds the other stripes back into it. See docs/architecture.md.
 */
const STRIPES = 32;
/** The first half of the advisory lock key of a stripe slot (the second half is the slot). */
const SLOT_LOCK = "hashtext('analytics_stripe')";

export class Migration20261207025117_StripedRollups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "analytics_application_rollup" drop constraint "analytics_application_rollup_pkey";`);

    this.addSql(`alter table "analytics_application_rollup" add column "stripe" smallint not null default 0;`);
    this.addSql(
      `alter table "analytics_application_rollup" add constraint "analytics_application_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stripe", "status");`,
    );

    this.addSql(`alter table "analytics_calibration_rollup" drop constraint "analytics_calibration_rollup_pkey";`);

    this.addSql(`alter table "analytics_calibration_rollup" add column "stripe" smallint not null default 0;`);
    this.addSql(
      `alter table "analytics_calibration_rollup" add constraint "analytics_calibration_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stripe", "interviewer_id");`,
    );

    this.addSql(`alter table "analytics_decision_histogram" drop constraint "analytics_decision_histogram_pkey";`);

    this.addSql(`alter table "analytics_decision_histogram" add column "stripe" smallint not null default 0;`);
    this.addSql(
      `alter table "analytics_decision_histogram" add constraint "analytics_decision_histogram_pkey" primary key ("week", "experience_level", "company_profile", "stripe", "day");`,
    );

    this.addSql(`alter table "analytics_question_rollup" drop constraint "analytics_question_rollup_pkey";`);

    this.addSql(`alter table "analytics_question_rollup" add column "stripe" smallint not null default 0;`);
    this.addSql(
      `alter table "analytics_question_rollup" add constraint "analytics_question_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stripe", "question_id", "outcome");`,
    );

    this.addSql(`alter table "analytics_stage_rollup" drop constraint "analytics_stage_rollup_pkey";`);

    this.addSql(`alter table "analytics_stage_rollup" add column "stripe" smallint not null default 0;`);
    this.addSql(
      `alter table "analytics_stage_rollup" add constraint "analytics_stage_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stripe", "source", "stage_kind", "state", "reason_code");`,
    );

    this.addSql(`alter table "analytics_turnaround_rollup" drop constraint "analytics_turnaround_rollup_pkey";`);

    this.addSql(`alter table "analytics_turnaround_rollup" add column "stripe" smallint not null default 0;`);
    this.addSql(
      `alter table "analytics_turnaround_rollup" add constraint "analytics_turnaround_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stripe", "stage_kind");`,
    );
    this.addSql(`create function analytics_stripe() returns smallint
  language plpgsql
  as $$
declare
  held text := current_setting('analytics.stripe', true);
  slot int;
begin
  if held is not null and held <> '' then
    return held::smallint;
  end if;
  for slot in 0..${STRIPES - 1} loop
    if pg_try_advisory_xact_lock(${SLOT_LOCK}, slot) then
      perform set_config('analytics.stripe', slot::text, true);
      return slot;
    end if;
  end loop;
  -- More writers than stripes: wait for one. A stripe is only ever written under its slot's lock.
  slot := pg_backend_pid() % ${STRIPES};
  perform pg_advisory_xact_lock(${SLOT_LOCK}, slot);
  perform set_config('analytics.stripe', slot::text, true);
  return slot;
end
$$;`);
    this.addSql(`create or replace function analytics_calibration_apply(p_interview uuid, p_sign int) returns void
  language sql
  as $$
  insert into analytics_calibration_rollup as r
         (week, experience_level, company_profile, stripe, interviewer_id, scorecards, score_sum, deviation_sum, deviations, agreements, judged)
  select week, experience_level, company_profile, analytics_stripe(), interviewer_id,
         p_sign * count(*), p_sign * sum(score), p_sign * coalesce(sum(deviation), 0), p_sign * count(deviation),
         p_sign * coalesce(sum(agreement), 0), p_sign * count(agreement)
    from analytics_calibration_card
   where interview_id = p_interview
   group by week, experience_level, company_profile, interviewer_id
   order by week, experience_level, company_profile, interviewer_id
  on conflict (week, experience_level, company_profile, stripe, interviewer_id) do update
     set scorecards = r.scorecards + excluded.scorecards,
         score_sum = r.score_sum + excluded.score_sum,
         deviation_sum = r.deviation_sum + excluded.deviation_sum,
         deviations = r.deviations + excluded.deviations,
         agreements = r.agreements + excluded.agreements,
         judged = r.judged + excluded.judged;
  insert into analytics_turnaround_rollup as r
         (week, experience_level, company_profile, stripe, stage_kind, scorecards, turnaround_seconds, on_time)
  select week, experience_level, company_profile, analytics_stripe(), stage_kind,
         p_sign * count(*), p_sign * sum(turnaround_seconds), p_sign * sum(on_time)
    from analytics_calibration_card
   where interview_id = p_interview
   group by week, experience_level, company_profile, stage_kind
   order by week, experience_level, company_profile, stage_kind
  on conflict (week, experience_level, company_profile, stripe, stage_kind) do update
     set scorecards = r.scorecards + excluded.scorecards,
         turnaround_seconds = r.turnaround_seconds + excluded.turnaround_seconds,
         on_time = r.on_time + excluded.on_time;
  insert into analytics_question_rollup as r
         (week, experience_level, company_profile, stripe, question_id, outcome, ratings, score_sum, score_squares)
  select week, experience_level, company_profile, analytics_stripe(), question_id, coalesce(outcome::text, ''),
         p_sign * count(*), p_sign * sum(score), p_sign * sum(score * score)
    from analytics_question_rating
   where interview_id = p_interview
   group by 1, 2, 3, 5, 6
   order by 1, 2, 3, 5, 6
  on conflict (week, experience_level, company_profile, stripe, question_id, outcome) do update
     set ratings = r.ratings + excluded.ratings,
         score_sum = r.score_sum + excluded.score_sum,
         score_squares = r.score_squares + excluded.score_squares
$$;`);
    this.addSql(`create or replace function analytics_stage_apply(p_visit uuid, p_sign int) returns void
  language sql
  as $$
  insert into analytics_stage_rollup as r
         (week, experience_level, company_profile, stripe, source, stage_kind, state, reason_code, visits,
          closed_seconds, scheduled, schedule_seconds)
  select week, experience_level, company_profile, analytics_stripe(), source, stage_kind,
         case when exited_at is null then 'IN_PROGRESS' else coalesce(outcome::text, 'CLOSED') end,
         coalesce(reason_code::text, ''), p_sign, p_sign * coalesce(extract(epoch from exited_at - entered_at), 0),
         p_sign * (first_interview_at is not null)::int,
         p_sign * coalesce(extract(epoch from first_interview_at - entered_at), 0)
    from analytics_stage_visit
   where visit_id = p_visit
  on conflict (week, experience_level, company_profile, stripe, source, stage_kind, state, reason_code) do update
     set visits = r.visits + excluded.visits,
         closed_seconds = r.closed_seconds + excluded.closed_seconds,
         scheduled = r.scheduled + excluded.scheduled,
         schedule_seconds = r.schedule_seconds + excluded.schedule_seconds
$$;`);
    this.addSql(`create or replace function analytics_application_changed() returns trigger
  language plpgsql
  as $$
declare
  my_stripe smallint := analytics_stripe();
begin
  with changes as (
    select -1 as sign, OLD.position_id as position_id, OLD.applied_at as applied_at,
           OLD.experience_level as experience_level, OLD.status as status, OLD.decided_at as decided_at
     where tg_op <> 'INSERT'
    union all
    select 1, NEW.position_id, NEW.applied_at, NEW.experience_level, NEW.status, NEW.decided_at
     where tg_op <> 'DELETE'
  ), facts as (
    select c.sign, analytics_week(c.applied_at) as week, c.experience_level, p.company_profile, c.status,
           analytics_decision_seconds(c.status, c.applied_at, c.decided_at) as seconds
      from changes c join position p on p.id = c.position_id
  ), histogram as (
    insert into analytics_decision_histogram as h (week, experience_level, company_profile, stripe, day, applications)
    select week, experience_level, company_profile, my_stripe, floor(seconds / 86400)::int, sum(sign)
      from facts where seconds is not null
     group by 1, 2, 3, 5 order by 1, 2, 3, 5
    on conflict (week, experience_level, company_profile, stripe, day) do update
       set applications = h.applications + excluded.applications
  )
  insert into analytics_application_rollup as r
         (week, experience_level, company_profile, stripe, status, applications, decided, decision_seconds)
  select week, experience_level, company_profile, my_stripe, status, sum(sign),
         coalesce(sum(sign) filter (where seconds is not null), 0), coalesce(sum(sign * seconds), 0)
    from facts
   group by 1, 2, 3, 5 order by 1, 2, 3, 5
  on conflict (week, experience_level, company_profile, stripe, status) do update
     set applications = r.applications + excluded.applications,
         decided = r.decided + excluded.decided,
         decision_seconds = r.decision_seconds + excluded.decision_seconds;
  return null;
end
$$;`);
    // Folds every stripe above 0 into stripe 0 and drops rows left at zero: keeps the rollups as
    // small as before striping. It holds every slot, so it first waits for the transactions writing
    // rollups to end, and new ones wait for it (milliseconds while few rows are striped).
    this.addSql(`create function analytics_fold_stripes() returns void
  language plpgsql
  as $$
declare
  slot int;
begin
  for slot in 0..${STRIPES - 1} loop
    perform pg_advisory_xact_lock(${SLOT_LOCK}, slot);
  end loop;
  with moved as (
    delete from analytics_application_rollup where stripe <> 0
    returning week, experience_level, company_profile, status, applications, decided, decision_seconds
  )
  insert into analytics_application_rollup as r
         (week, experience_level, company_profile, stripe, status, applications, decided, decision_seconds)
  select week, experience_level, company_profile, 0, status, sum(applications), sum(decided), sum(decision_seconds)
    from moved group by 1, 2, 3, 5 order by 1, 2, 3, 5
  on conflict (week, experience_level, company_profile, stripe, status) do update
     set applications = r.applications + excluded.applications,
         decided = r.decided + excluded.decided,
         decision_seconds = r.decision_seconds + excluded.decision_seconds;
  delete from analytics_application_rollup where applications = 0 and decided = 0 and decision_seconds = 0;

  with moved as (
    delete from analytics_decision_histogram where stripe <> 0
    returning week, experience_level, company_profile, day, applications
  )
  insert into analytics_decision_histogram as h (week, experience_level, company_profile, stripe, day, applications)
  select week, experience_level, company_profile, 0, day, sum(applications)
    from moved group by 1, 2, 3, 5 order by 1, 2, 3, 5
  on conflict (week, experience_level, company_profile, stripe, day) do update
     set applications = h.applications + excluded.applications;
  delete from analytics_decision_histogram where applications = 0;

  with moved as (
    delete from analytics_calibration_rollup where stripe <> 0
    returning week, experience_level, company_profile, interviewer_id, scorecards, score_sum, deviation_sum,
              deviations, agreements, judged
  )
  insert into analytics_calibration_rollup as r
         (week, experience_level, company_profile, stripe, interviewer_id, scorecards, score_sum, deviation_sum,
          deviations, agreements, judged)
  select week, experience_level, company_profile, 0, interviewer_id, sum(scorecards), sum(score_sum),
         sum(deviation_sum), sum(deviations), sum(agreements), sum(judged)
    from moved group by 1, 2, 3, 5 order by 1, 2, 3, 5
  on conflict (week, experience_level, company_profile, stripe, interviewer_id) do update
     set scorecards = r.scorecards + excluded.scorecards,
         score_sum = r.score_sum + excluded.score_sum,
         deviation_sum = r.deviation_sum + excluded.deviation_sum,
         deviations = r.deviations + excluded.deviations,
         agreements = r.agreements + excluded.agreements,
         judged = r.judged + excluded.judged;
  delete from analytics_calibration_rollup
   where scorecards = 0 and score_sum = 0 and deviation_sum = 0 and deviations = 0 and agreements = 0 and judged = 0;

  with moved as (
    delete from analytics_turnaround_rollup where stripe <> 0
    returning week, experience_level, company_profile, stage_kind, scorecards, turnaround_seconds, on_time
  )
  insert into analytics_turnaround_rollup as r
         (week, experience_level, company_profile, stripe, stage_kind, scorecards, turnaround_seconds, on_time)
  select week, experience_level, company_profile, 0, stage_kind, sum(scorecards), sum(turnaround_seconds), sum(on_time)
    from moved group by 1, 2, 3, 5 order by 1, 2, 3, 5
  on conflict (week, experience_level, company_profile, stripe, stage_kind) do update
     set scorecards = r.scorecards + excluded.scorecards,
         turnaround_seconds = r.turnaround_seconds + excluded.turnaround_seconds,
         on_time = r.on_time + excluded.on_time;
  delete from analytics_turnaround_rollup where scorecards = 0 and turnaround_seconds = 0 and on_time = 0;

  with moved as (
    delete from analytics_stage_rollup where stripe <> 0
    returning week, experience_level, company_profile, source, stage_kind, state, reason_code, visits,
              closed_seconds, scheduled, schedule_seconds
  )
  insert into analytics_stage_rollup as r
         (week, experience_level, company_profile, stripe, source, stage_kind, state, reason_code, visits,
          closed_seconds, scheduled, schedule_seconds)
  select week, experience_level, company_profile, 0, source, stage_kind, state, reason_code, sum(visits),
         sum(closed_seconds), sum(scheduled), sum(schedule_seconds)
    from moved group by 1, 2, 3, 5, 6, 7, 8 order by 1, 2, 3, 5, 6, 7, 8
  on conflict (week, experience_level, company_profile, stripe, source, stage_kind, state, reason_code) do update
     set visits = r.visits + excluded.visits,
         closed_seconds = r.closed_seconds + excluded.closed_seconds,
         scheduled = r.scheduled + excluded.scheduled,
         schedule_seconds = r.schedule_seconds + excluded.schedule_seconds;
  delete from analytics_stage_rollup
   where visits = 0 and closed_seconds = 0 and scheduled = 0 and schedule_seconds = 0;

  with moved as (
    delete from analytics_question_rollup where stripe <> 0
    returning week, experience_level, company_profile, question_id, outcome, ratings, score_sum, score_squares
  )
  insert into analytics_question_rollup as r
         (week, experience_level, company_profile, stripe, question_id, outcome, ratings, score_sum, score_squares)
  select week, experience_level, company_profile, 0, question_id, outcome, sum(ratings), sum(score_sum),
         sum(score_squares)
    from moved group by 1, 2, 3, 5, 6 order by 1, 2, 3, 5, 6
  on conflict (week, experience_level, company_profile, stripe, question_id, outcome) do update
     set ratings = r.ratings + excluded.ratings,
         score_sum = r.score_sum + excluded.score_sum,
         score_squares = r.score_squares + excluded.score_squares;
  delete from analytics_question_rollup where ratings = 0 and score_sum = 0 and score_squares = 0;
end
$$;`);
  }

  override async down(): Promise<void> {
    // Folds first, so that dropping the stripe column loses nothing.
    this.addSql(`select analytics_fold_stripes();`);
    // The functions of AnalyticsRollups, as they were.
    this.addSql(`create or replace function analytics_calibration_apply(p_interview uuid, p_sign int) returns void
  language sql
  as $$
  insert into analytics_calibration_rollup as r
         (week, experience_level, company_profile, interviewer_id, scorecards, score_sum, deviation_sum, deviations, agreements, judged)
  select week, experience_level, company_profile, interviewer_id,
         p_sign * count(*), p_sign * sum(score), p_sign * coalesce(sum(deviation), 0), p_sign * count(deviation),
         p_sign * coalesce(sum(agreement), 0), p_sign * count(agreement)
    from analytics_calibration_card
   where interview_id = p_interview
   group by week, experience_level, company_profile, interviewer_id
   order by week, experience_level, company_profile, interviewer_id
  on conflict (week, experience_level, company_profile, interviewer_id) do update
     set scorecards = r.scorecards + excluded.scorecards,
         score_sum = r.score_sum + excluded.score_sum,
         deviation_sum = r.deviation_sum + excluded.deviation_sum,
         deviations = r.deviations + excluded.deviations,
         agreements = r.agreements + excluded.agreements,
         judged = r.judged + excluded.judged;
  insert into analytics_turnaround_rollup as r
         (week, experience_level, company_profile, stage_kind, scorecards, turnaround_seconds, on_time)
  select week, experience_level, company_profile, stage_kind,
         p_sign * count(*), p_sign * sum(turnaround_seconds), p_sign * sum(on_time)
    from analytics_calibration_card
   where interview_id = p_interview
   group by week, experience_level, company_profile, stage_kind
   order by week, experience_level, company_profile, stage_kind
  on conflict (week, experience_level, company_profile, stage_kind) do update
     set scorecards = r.scorecards + excluded.scorecards,
         turnaround_seconds = r.turnaround_seconds + excluded.turnaround_seconds,
         on_time = r.on_time + excluded.on_time;
  insert into analytics_question_rollup as r
         (week, experience_level, company_profile, question_id, outcome, ratings, score_sum, score_squares)
  select week, experience_level, company_profile, question_id, coalesce(outcome::text, ''),
         p_sign * count(*), p_sign * sum(score), p_sign * sum(score * score)
    from analytics_question_rating
   where interview_id = p_interview
   group by 1, 2, 3, 4, 5
   order by 1, 2, 3, 4, 5
  on conflict (week, experience_level, company_profile, question_id, outcome) do update
     set ratings = r.ratings + excluded.ratings,
         score_sum = r.score_sum + excluded.score_sum,
         score_squares = r.score_squares + excluded.score_squares
$$;`);
    this.addSql(`create or replace function analytics_stage_apply(p_visit uuid, p_sign int) returns void
  language sql
  as $$
  insert into analytics_stage_rollup as r
         (week, experience_level, company_profile, source, stage_kind, state, reason_code, visits, closed_seconds,
          scheduled, schedule_seconds)
  select week, experience_level, company_profile, source, stage_kind,
         case when exited_at is null then 'IN_PROGRESS' else coalesce(outcome::text, 'CLOSED') end,
         coalesce(reason_code::text, ''), p_sign, p_sign * coalesce(extract(epoch from exited_at - entered_at), 0),
         p_sign * (first_interview_at is not null)::int,
         p_sign * coalesce(extract(epoch from first_interview_at - entered_at), 0)
    from analytics_stage_visit
   where visit_id = p_visit
  on conflict (week, experience_level, company_profile, source, stage_kind, state, reason_code) do update
     set visits = r.visits + excluded.visits,
         closed_seconds = r.closed_seconds + excluded.closed_seconds,
         scheduled = r.scheduled + excluded.scheduled,
         schedule_seconds = r.schedule_seconds + excluded.schedule_seconds
$$;`);
    this.addSql(`create or replace function analytics_application_changed() returns trigger
  language plpgsql
  as $$
begin
  with changes as (
    select -1 as sign, OLD.position_id as position_id, OLD.applied_at as applied_at,
           OLD.experience_level as experience_level, OLD.status as status, OLD.decided_at as decided_at
     where tg_op <> 'INSERT'
    union all
    select 1, NEW.position_id, NEW.applied_at, NEW.experience_level, NEW.status, NEW.decided_at
     where tg_op <> 'DELETE'
  ), facts as (
    select c.sign, analytics_week(c.applied_at) as week, c.experience_level, p.company_profile, c.status,
           analytics_decision_seconds(c.status, c.applied_at, c.decided_at) as seconds
      from changes c join position p on p.id = c.position_id
  ), histogram as (
    insert into analytics_decision_histogram as h (week, experience_level, company_profile, day, applications)
    select week, experience_level, company_profile, floor(seconds / 86400)::int, sum(sign)
      from facts where seconds is not null
     group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (week, experience_level, company_profile, day) do update
       set applications = h.applications + excluded.applications
  )
  insert into analytics_application_rollup as r
         (week, experience_level, company_profile, status, applications, decided, decision_seconds)
  select week, experience_level, company_profile, status, sum(sign),
         coalesce(sum(sign) filter (where seconds is not null), 0), coalesce(sum(sign * seconds), 0)
    from facts
   group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (week, experience_level, company_profile, status) do update
     set applications = r.applications + excluded.applications,
         decided = r.decided + excluded.decided,
         decision_seconds = r.decision_seconds + excluded.decision_seconds;
  return null;
end
$$;`);
    this.addSql(`drop function analytics_fold_stripes, analytics_stripe;`);
    this.addSql(`alter table "analytics_application_rollup" drop constraint "analytics_application_rollup_pkey";`);
    this.addSql(`alter table "analytics_application_rollup" drop column "stripe";`);

    this.addSql(
      `alter table "analytics_application_rollup" add constraint "analytics_application_rollup_pkey" primary key ("week", "experience_level", "company_profile", "status");`,
    );

    this.addSql(`alter table "analytics_calibration_rollup" drop constraint "analytics_calibration_rollup_pkey";`);
    this.addSql(`alter table "analytics_calibration_rollup" drop column "stripe";`);

    this.addSql(
      `alter table "analytics_calibration_rollup" add constraint "analytics_calibration_rollup_pkey" primary key ("week", "experience_level", "company_profile", "interviewer_id");`,
    );

    this.addSql(`alter table "analytics_decision_histogram" drop constraint "analytics_decision_histogram_pkey";`);
    this.addSql(`alter table "analytics_decision_histogram" drop column "stripe";`);

    this.addSql(
      `alter table "analytics_decision_histogram" add constraint "analytics_decision_histogram_pkey" primary key ("week", "experience_level", "company_profile", "day");`,
    );

    this.addSql(`alter table "analytics_question_rollup" drop constraint "analytics_question_rollup_pkey";`);
    this.addSql(`alter table "analytics_question_rollup" drop column "stripe";`);

    this.addSql(
      `alter table "analytics_question_rollup" add constraint "analytics_question_rollup_pkey" primary key ("week", "experience_level", "company_profile", "question_id", "outcome");`,
    );

    this.addSql(`alter table "analytics_stage_rollup" drop constraint "analytics_stage_rollup_pkey";`);
    this.addSql(`alter table "analytics_stage_rollup" drop column "stripe";`);

    this.addSql(
      `alter table "analytics_stage_rollup" add constraint "analytics_stage_rollup_pkey" primary key ("week", "experience_level", "company_profile", "source", "stage_kind", "state", "reason_code");`,
    );

    this.addSql(`alter table "analytics_turnaround_rollup" drop constraint "analytics_turnaround_rollup_pkey";`);
    this.addSql(`alter table "analytics_turnaround_rollup" drop column "stripe";`);

    this.addSql(
      `alter table "analytics_turnaround_rollup" add constraint "analytics_turnaround_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stage_kind");`,
    );
  }
}
