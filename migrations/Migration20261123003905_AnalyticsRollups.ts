import { Migration } from '@mikro-orm/migrations';

export class Migration20261123003905_AnalyticsRollups extends Migration {
  override async up(): Promise<void> {
    // Figures over many applications read rollups and facts kept exact by triggers in the
    // transaction of each change; see docs/architecture.md, "Analytics rollups".
    this.addSql(`create function analytics_week(t timestamptz) returns date
  language sql immutable parallel safe
  as $$ select (date_trunc('week', t at time zone 'UTC'))::date $$;`);
    this
      .addSql(`create function analytics_decision_seconds(status application_status, applied_at timestamptz, decided_at timestamptz)
  returns numeric language sql immutable parallel safe
  as $$ select case when status in ('HIRED', 'REJECTED') then extract(epoch from decided_at - applied_at) end $$;`);

    this.addSql(
      `create table "analytics_application_rollup" ("week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "status" "application_status" not null, "applications" int not null, "decided" int not null, "decision_seconds" numeric not null, constraint "analytics_application_rollup_pkey" primary key ("week", "experience_level", "company_profile", "status"));`,
    );

    this.addSql(
      `create table "analytics_calibration_card" ("scorecard_id" uuid not null, "interview_id" uuid not null, "interviewer_id" uuid not null, "application_id" uuid not null, "position_id" uuid not null, "applied_at" timestamptz not null, "week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "score" numeric not null, "deviation" numeric null, "agreement" smallint null, "stage_kind" "stage_kind" not null, "turnaround_seconds" numeric not null, "on_time" smallint not null, "outcome" "stage_outcome" null, constraint "analytics_calibration_card_pkey" primary key ("scorecard_id"));`,
    );
    this.addSql(
      `create index "analytics_calibration_card_applied" on "analytics_calibration_card" ("applied_at") include ("interviewer_id", "experience_level", "company_profile", "stage_kind", "score", "deviation", "agreement", "turnaround_seconds", "on_time");`,
    );
    this.addSql(
      `create index "analytics_calibration_card_position" on "analytics_calibration_card" ("position_id", "applied_at") include ("interviewer_id", "experience_level", "company_profile", "stage_kind", "score", "deviation", "agreement", "turnaround_seconds", "on_time");`,
    );
    this.addSql(
      `create index "analytics_calibration_card_interview_id_index" on "analytics_calibration_card" ("interview_id");`,
    );

    this.addSql(
      `create table "analytics_calibration_rollup" ("week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "interviewer_id" uuid not null, "scorecards" int not null, "score_sum" numeric not null, "deviation_sum" numeric not null, "deviations" int not null, "agreements" int not null, "judged" int not null, constraint "analytics_calibration_rollup_pkey" primary key ("week", "experience_level", "company_profile", "interviewer_id"));`,
    );

    this.addSql(
      `create table "analytics_decision_histogram" ("week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "day" int not null, "applications" int not null, constraint "analytics_decision_histogram_pkey" primary key ("week", "experience_level", "company_profile", "day"));`,
    );

    this.addSql(
      `create table "analytics_question_rating" ("scorecard_id" uuid not null, "question_id" uuid not null, "interview_id" uuid not null, "position_id" uuid not null, "applied_at" timestamptz not null, "week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "stage_kind" "stage_kind" not null, "score" numeric not null, "outcome" "stage_outcome" null, constraint "analytics_question_rating_pkey" primary key ("scorecard_id", "question_id"));`,
    );
    this.addSql(
      `create index "analytics_question_rating_applied" on "analytics_question_rating" ("applied_at") include ("question_id", "experience_level", "company_profile", "score", "outcome");`,
    );
    this.addSql(
      `create index "analytics_question_rating_position" on "analytics_question_rating" ("position_id", "applied_at") include ("question_id", "experience_level", "company_profile", "score", "outcome");`,
    );
    this.addSql(
      `create index "analytics_question_rating_interview_id_index" on "analytics_question_rating" ("interview_id");`,
    );

    this.addSql(
      `create table "analytics_question_rollup" ("week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "question_id" uuid not null, "outcome" text not null, "ratings" int not null, "score_sum" numeric not null, "score_squares" numeric not null, constraint "analytics_question_rollup_pkey" primary key ("week", "experience_level", "company_profile", "question_id", "outcome"));`,
    );

    this.addSql(
      `create table "analytics_stage_rollup" ("week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "source" text not null, "stage_kind" "stage_kind" not null, "state" text not null, "reason_code" text not null, "visits" int not null, "closed_seconds" numeric not null, "scheduled" int not null, "schedule_seconds" numeric not null, constraint "analytics_stage_rollup_pkey" primary key ("week", "experience_level", "company_profile", "source", "stage_kind", "state", "reason_code"));`,
    );

    this.addSql(
      `create table "analytics_stage_visit" ("visit_id" uuid not null, "stage_id" uuid not null, "stage_kind" "stage_kind" not null, "application_id" uuid not null, "position_id" uuid not null, "applied_at" timestamptz not null, "week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "source" text not null, "entered_at" timestamptz not null, "exited_at" timestamptz null, "outcome" "stage_outcome" null, "reason_code" "rejection_reason" null, "first_interview_at" timestamptz null, constraint "analytics_stage_visit_pkey" primary key ("visit_id"));`,
    );
    this.addSql(
      `create index "analytics_stage_visit_applied" on "analytics_stage_visit" ("applied_at") include ("stage_kind", "experience_level", "company_profile", "source", "outcome", "entered_at", "exited_at", "reason_code", "first_interview_at");`,
    );
    this.addSql(
      `create index "analytics_stage_visit_position" on "analytics_stage_visit" ("position_id", "applied_at") include ("stage_kind", "experience_level", "company_profile", "source", "outcome", "entered_at", "exited_at", "reason_code", "first_interview_at");`,
    );
    this.addSql(
      `create index "analytics_stage_visit_stage" on "analytics_stage_visit" ("stage_id", "applied_at") include ("experience_level", "outcome", "entered_at", "exited_at");`,
    );

    this.addSql(
      `create table "analytics_turnaround_rollup" ("week" date not null, "experience_level" "experience_level" not null, "company_profile" "company_profile" not null, "stage_kind" "stage_kind" not null, "scorecards" int not null, "turnaround_seconds" numeric not null, "on_time" int not null, constraint "analytics_turnaround_rollup_pkey" primary key ("week", "experience_level", "company_profile", "stage_kind"));`,
    );

    this.addSql(
      `create index "application_analytics_decision_day" on "application" ((floor(analytics_decision_seconds(status, applied_at, decided_at) / 86400)), "applied_at") include ("position_id", "experience_level", "status", "decided_at") where status in ('HIRED', 'REJECTED') and decided_at is not null;`,
    );
    this.addSql(
      `create index "application_analytics_applied_at" on "application" ("applied_at") include ("position_id", "experience_level", "status", "decided_at");`,
    );
    this.addSql(
      `create index "application_analytics_position" on "application" ("position_id", "applied_at") include ("experience_level", "status", "decided_at");`,
    );

    // Every submitted scorecard with its calibration contribution: its score, its deviation from the
    // mean of the interview's other submitted scores, and whether its YES/NO side matched the outcome
    // of the application's latest visit of the interview's stage.
    this.addSql(`create view analytics_calibration_card_source as
select sc.id as scorecard_id, sc.interview_id, sc.interviewer_id, a.id as application_id, a.position_id, a.applied_at,
       analytics_week(a.applied_at) as week, a.experience_level, p.company_profile,
       sc.weighted_score::numeric as score,
       case when count(*) over panel > 1
            then sc.weighted_score::numeric - (sum(sc.weighted_score::numeric) over panel - sc.weighted_score::numeric) / (count(*) over panel - 1)
       end as deviation,
       case when v.outcome in ('PASSED', 'FAILED')
            then (coalesce(sc.recommendation in ('YES', 'STRONG_YES'), false) = (v.outcome = 'PASSED'))::int
       end::smallint as agreement,
       ps.kind as stage_kind,
       extract(epoch from sc.submitted_at - i.ends_at) as turnaround_seconds,
       (sc.submitted_at <= sc.due_at)::int::smallint as on_time,
       v.outcome
  from scorecard sc
  join interview i on i.id = sc.interview_id
  join plan_stage ps on ps.id = i.stage_id
  join application a on a.id = i.application_id
  join position p on p.id = a.position_id
  left join lateral (
    select sv.outcome from stage_visit sv
     where sv.application_id = i.application_id and sv.stage_id = i.stage_id
     order by sv.entered_at desc, sv.id desc limit 1
  ) v on true
 where sc.status = 'SUBMITTED' and sc.weighted_score is not null
window panel as (partition by sc.interview_id);`);
    // Every question rating of a submitted scorecard, with the outcome of the stage it was asked in
    // (read from the scorecard's stored card, so write cards first).
    this.addSql(`create view analytics_question_rating_source as
select c.scorecard_id, (r.rating ->> 'questionId')::uuid as question_id, c.interview_id, c.position_id,
       c.applied_at, c.week, c.experience_level, c.company_profile, c.stage_kind,
       (r.rating ->> 'score')::numeric as score, c.outcome
  from analytics_calibration_card c
  join scorecard sc on sc.id = c.scorecard_id
 cross join lateral jsonb_array_elements(sc.question_ratings) as r(rating);`);
    // Adds (sign 1) or removes (sign -1) the stored cards of one interview to or from the rollup.
    this.addSql(`create function analytics_calibration_apply(p_interview uuid, p_sign int) returns void
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
    // Recomputes one interview's cards from the base tables and moves the rollup by the difference.
    // Serialised per interview, so two panelists submitting at once both end up counted.
    this.addSql(`create function analytics_refresh_interview(p_interview uuid) returns void
  language plpgsql
  as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('analytics_interview:' || p_interview::text, 0));
  perform analytics_calibration_apply(p_interview, -1);
  delete from analytics_calibration_card where interview_id = p_interview;
  insert into analytics_calibration_card
         (scorecard_id, interview_id, interviewer_id, application_id, position_id, applied_at, week,
          experience_level, company_profile, score, deviation, agreement, stage_kind, turnaround_seconds, on_time,
          outcome)
  select scorecard_id, interview_id, interviewer_id, application_id, position_id, applied_at, week,
         experience_level, company_profile, score, deviation, agreement, stage_kind, turnaround_seconds, on_time,
         outcome
    from analytics_calibration_card_source where interview_id = p_interview;
  delete from analytics_question_rating where interview_id = p_interview;
  insert into analytics_question_rating
         (scorecard_id, question_id, interview_id, position_id, applied_at, week, experience_level, company_profile,
          stage_kind, score, outcome)
  select scorecard_id, question_id, interview_id, position_id, applied_at, week, experience_level, company_profile,
         stage_kind, score, outcome
    from analytics_question_rating_source where interview_id = p_interview;
  perform analytics_calibration_apply(p_interview, 1);
end
$$;`);
    // Every stage visit with what the stage figures group and filter by.
    this.addSql(`create view analytics_stage_visit_source as
select v.id as visit_id, v.stage_id, s.kind as stage_kind, v.application_id, a.position_id, a.applied_at,
       analytics_week(a.applied_at) as week, a.experience_level, p.company_profile,
       coalesce(c.source, '') as source, v.entered_at, v.exited_at, v.outcome, v.reason_code,
       (select min(i.starts_at) from interview i
         where i.application_id = v.application_id and i.stage_id = v.stage_id and i.status <> 'CANCELLED') as first_interview_at
  from stage_visit v
  join plan_stage s on s.id = v.stage_id
  join application a on a.id = v.application_id
  join position p on p.id = a.position_id
  join candidate c on c.id = a.candidate_id;`);
    // Adds (sign 1) or removes (sign -1) one stored visit to or from the stage rollup.
    this.addSql(`create function analytics_stage_apply(p_visit uuid, p_sign int) returns void
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
    this.addSql(`create function analytics_refresh_visit(p_visit uuid) returns void
  language plpgsql
  as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('analytics_visit:' || p_visit::text, 0));
  perform analytics_stage_apply(p_visit, -1);
  delete from analytics_stage_visit where visit_id = p_visit;
  insert into analytics_stage_visit
         (visit_id, stage_id, stage_kind, application_id, position_id, applied_at, week, experience_level,
          company_profile, source, entered_at, exited_at, outcome, reason_code, first_interview_at)
  select visit_id, stage_id, stage_kind, application_id, position_id, applied_at, week, experience_level,
         company_profile, source, entered_at, exited_at, outcome, reason_code, first_interview_at
    from analytics_stage_visit_source where visit_id = p_visit;
  perform analytics_stage_apply(p_visit, 1);
end
$$;`);
    this.addSql(`create function analytics_application_changed() returns trigger
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
    this.addSql(`create function analytics_scorecard_changed() returns trigger
  language plpgsql
  as $$
begin
  perform analytics_refresh_interview(coalesce(NEW.interview_id, OLD.interview_id));
  if tg_op = 'UPDATE' and OLD.interview_id <> NEW.interview_id then
    perform analytics_refresh_interview(OLD.interview_id);
  end if;
  return null;
end
$$;`);
    this.addSql(`create function analytics_stage_visit_changed() returns trigger
  language plpgsql
  as $$
declare
  target uuid;
begin
  perform analytics_refresh_visit(coalesce(NEW.id, OLD.id));
  -- The outcome of an application's latest visit of a stage is its interviews' outcome.
  for target in
    select i.id from interview i
     where (i.application_id, i.stage_id) in ((NEW.application_id, NEW.stage_id), (OLD.application_id, OLD.stage_id))
       and exists (select 1 from scorecard sc where sc.interview_id = i.id)
     order by i.id
  loop
    perform analytics_refresh_interview(target);
  end loop;
  return null;
end
$$;`);
    // Interviews decide a visit's first interview time.
    this.addSql(`create function analytics_interview_changed() returns trigger
  language plpgsql
  as $$
declare
  target uuid;
begin
  for target in
    select v.id from stage_visit v
     where (v.application_id, v.stage_id) in ((NEW.application_id, NEW.stage_id), (OLD.application_id, OLD.stage_id))
     order by v.id
  loop
    perform analytics_refresh_visit(target);
  end loop;
  -- Its scorecards' turnaround counts from its end.
  if tg_op = 'UPDATE' then
    perform analytics_refresh_interview(NEW.id);
  end if;
  return null;
end
$$;`);
    // A candidate's source is a stage figure's dimension.
    this.addSql(`create function analytics_candidate_changed() returns trigger
  language plpgsql
  as $$
declare
  target uuid;
begin
  for target in
    select v.id from stage_visit v join application a on a.id = v.application_id
     where a.candidate_id = NEW.id order by v.id
  loop
    perform analytics_refresh_visit(target);
  end loop;
  return null;
end
$$;`);
    this.addSql(`create trigger analytics_application_insert_delete after insert or delete on application
  for each row execute function analytics_application_changed();`);
    this.addSql(`create trigger analytics_application_update after update on application
  for each row when (
    OLD.status is distinct from NEW.status or OLD.decided_at is distinct from NEW.decided_at
    or OLD.applied_at is distinct from NEW.applied_at or OLD.experience_level is distinct from NEW.experience_level
    or OLD.position_id is distinct from NEW.position_id)
  execute function analytics_application_changed();`);
    this.addSql(`create trigger analytics_scorecard_insert_delete after insert or delete on scorecard
  for each row execute function analytics_scorecard_changed();`);
    // Drafts count nowhere: saving one (the frequent write) refreshes nothing.
    this.addSql(`create trigger analytics_scorecard_update after update on scorecard
  for each row when ((OLD.status = 'SUBMITTED' or NEW.status = 'SUBMITTED') and (
    OLD.status is distinct from NEW.status or OLD.weighted_score is distinct from NEW.weighted_score
    or OLD.recommendation is distinct from NEW.recommendation or OLD.interview_id is distinct from NEW.interview_id
    or OLD.question_ratings is distinct from NEW.question_ratings or OLD.submitted_at is distinct from NEW.submitted_at
    or OLD.due_at is distinct from NEW.due_at))
  execute function analytics_scorecard_changed();`);
    this.addSql(`create trigger analytics_stage_visit_changed
  after insert or delete or update of outcome, reason_code, entered_at, exited_at, stage_id, application_id on stage_visit
  for each row execute function analytics_stage_visit_changed();`);
    this.addSql(`create trigger analytics_interview_changed
  after insert or delete or update of starts_at, ends_at, status, stage_id, application_id on interview
  for each row execute function analytics_interview_changed();`);
    this.addSql(`create trigger analytics_candidate_changed after update of source on candidate
  for each row when (OLD.source is distinct from NEW.source) execute function analytics_candidate_changed();`);
    // Recomputes every rollup from the base tables: after bulk loads that bypass triggers, and to check
    // that incremental maintenance agrees with a fresh computation.
    this.addSql(`create function analytics_rebuild() returns void
  language plpgsql
  set work_mem = '256MB'
  set maintenance_work_mem = '512MB'
  as $$
declare
  definitions text[];
  definition text;
begin
  lock table analytics_application_rollup, analytics_decision_histogram, analytics_calibration_card,
             analytics_calibration_rollup, analytics_turnaround_rollup, analytics_stage_visit,
             analytics_stage_rollup, analytics_question_rating, analytics_question_rollup in exclusive mode;
  truncate analytics_application_rollup, analytics_decision_histogram, analytics_calibration_card,
           analytics_calibration_rollup, analytics_turnaround_rollup, analytics_stage_visit, analytics_stage_rollup,
           analytics_question_rating, analytics_question_rollup;
  -- Loading into tables without their secondary indexes and building those once at the end is
  -- several times faster than maintaining them row by row.
  select array_agg(indexdef) into definitions from pg_indexes
   where schemaname = current_schema() and tablename like 'analytics\\_%' and indexname not like '%\\_pkey';
  foreach definition in array coalesce(definitions, '{}') loop
    execute 'drop index ' || substring(definition from 'INDEX (\\S+) ON');
  end loop;
  insert into analytics_application_rollup
         (week, experience_level, company_profile, status, applications, decided, decision_seconds)
  select analytics_week(a.applied_at), a.experience_level, p.company_profile, a.status, count(*),
         count(f.seconds), coalesce(sum(f.seconds), 0)
    from application a join position p on p.id = a.position_id
   cross join lateral (select analytics_decision_seconds(a.status, a.applied_at, a.decided_at) as seconds) f
   group by 1, 2, 3, 4;
  insert into analytics_decision_histogram (week, experience_level, company_profile, day, applications)
  select analytics_week(a.applied_at), a.experience_level, p.company_profile, floor(f.seconds / 86400)::int, count(*)
    from application a join position p on p.id = a.position_id
   cross join lateral (select analytics_decision_seconds(a.status, a.applied_at, a.decided_at) as seconds) f
   where f.seconds is not null
   group by 1, 2, 3, 4;
  insert into analytics_calibration_card
         (scorecard_id, interview_id, interviewer_id, application_id, position_id, applied_at, week,
          experience_level, company_profile, score, deviation, agreement, stage_kind, turnaround_seconds, on_time,
          outcome)
  select scorecard_id, interview_id, interviewer_id, application_id, position_id, applied_at, week,
         experience_level, company_profile, score, deviation, agreement, stage_kind, turnaround_seconds, on_time,
         outcome
    from analytics_calibration_card_source;
  insert into analytics_calibration_rollup
         (week, experience_level, company_profile, interviewer_id, scorecards, score_sum, deviation_sum, deviations, agreements, judged)
  select week, experience_level, company_profile, interviewer_id, count(*), sum(score), coalesce(sum(deviation), 0),
         count(deviation), coalesce(sum(agreement), 0), count(agreement)
    from analytics_calibration_card
   group by 1, 2, 3, 4;
  insert into analytics_turnaround_rollup
         (week, experience_level, company_profile, stage_kind, scorecards, turnaround_seconds, on_time)
  select week, experience_level, company_profile, stage_kind, count(*), sum(turnaround_seconds), sum(on_time)
    from analytics_calibration_card
   group by 1, 2, 3, 4;
  insert into analytics_stage_visit
         (visit_id, stage_id, stage_kind, application_id, position_id, applied_at, week, experience_level,
          company_profile, source, entered_at, exited_at, outcome, reason_code, first_interview_at)
  select visit_id, stage_id, stage_kind, application_id, position_id, applied_at, week, experience_level,
         company_profile, source, entered_at, exited_at, outcome, reason_code, first_interview_at
    from analytics_stage_visit_source;
  insert into analytics_stage_rollup
         (week, experience_level, company_profile, source, stage_kind, state, reason_code, visits, closed_seconds,
          scheduled, schedule_seconds)
  select week, experience_level, company_profile, source, stage_kind,
         case when exited_at is null then 'IN_PROGRESS' else coalesce(outcome::text, 'CLOSED') end,
         coalesce(reason_code::text, ''), count(*), coalesce(sum(extract(epoch from exited_at - entered_at)), 0),
         count(first_interview_at), coalesce(sum(extract(epoch from first_interview_at - entered_at)), 0)
    from analytics_stage_visit
   group by 1, 2, 3, 4, 5, 6, 7;
  insert into analytics_question_rating
         (scorecard_id, question_id, interview_id, position_id, applied_at, week, experience_level, company_profile,
          stage_kind, score, outcome)
  select scorecard_id, question_id, interview_id, position_id, applied_at, week, experience_level, company_profile,
         stage_kind, score, outcome
    from analytics_question_rating_source;
  insert into analytics_question_rollup
         (week, experience_level, company_profile, question_id, outcome, ratings, score_sum, score_squares)
  select week, experience_level, company_profile, question_id, coalesce(outcome::text, ''), count(*), sum(score),
         sum(score * score)
    from analytics_question_rating
   group by 1, 2, 3, 4, 5;
  foreach definition in array coalesce(definitions, '{}') loop
    execute definition;
  end loop;
end
$$;`);

    // Existing data.
    this.addSql(`select analytics_rebuild();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists analytics_application_insert_delete on application;`);
    this.addSql(`drop trigger if exists analytics_application_update on application;`);
    this.addSql(`drop trigger if exists analytics_scorecard_insert_delete on scorecard;`);
    this.addSql(`drop trigger if exists analytics_scorecard_update on scorecard;`);
    this.addSql(`drop trigger if exists analytics_stage_visit_changed on stage_visit;`);
    this.addSql(`drop trigger if exists analytics_interview_changed on interview;`);
    this.addSql(`drop trigger if exists analytics_candidate_changed on candidate;`);
    this.addSql(
      `drop function if exists analytics_rebuild, analytics_application_changed, analytics_scorecard_changed, analytics_stage_visit_changed, analytics_interview_changed, analytics_candidate_changed, analytics_refresh_visit, analytics_stage_apply, analytics_refresh_interview, analytics_calibration_apply;`,
    );
    this.addSql(
      `drop view if exists analytics_question_rating_source, analytics_calibration_card_source, analytics_stage_visit_source;`,
    );
    this.addSql(`drop table if exists "analytics_application_rollup" cascade;`);

    this.addSql(`drop table if exists "analytics_calibration_card" cascade;`);

    this.addSql(`drop table if exists "analytics_calibration_rollup" cascade;`);

    this.addSql(`drop table if exists "analytics_decision_histogram" cascade;`);

    this.addSql(`drop table if exists "analytics_question_rating" cascade;`);

    this.addSql(`drop table if exists "analytics_question_rollup" cascade;`);

    this.addSql(`drop table if exists "analytics_stage_rollup" cascade;`);

    this.addSql(`drop table if exists "analytics_stage_visit" cascade;`);

    this.addSql(`drop table if exists "analytics_turnaround_rollup" cascade;`);

    this.addSql(`drop index "application_analytics_decision_day";`);
    this.addSql(`drop index "application_analytics_applied_at";`);
    this.addSql(`drop index "application_analytics_position";`);
    this.addSql(`drop function if exists analytics_decision_seconds, analytics_week;`);
  }
}
