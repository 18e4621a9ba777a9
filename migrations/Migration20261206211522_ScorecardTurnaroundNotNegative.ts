import { Migration } from '@mikro-orm/migrations';

/**
 * Scorecard turnaround never negative: a scorecard submitted before the interview's planned end
 * counts 0 hours (clamped), in the view that feeds the stored cards, in the stored cards, and in
 * the turnaround rollup rebuilt from them.
 */
export class Migration20261206211522_ScorecardTurnaroundNotNegative extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace view analytics_calibration_card_source as
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
       greatest(extract(epoch from sc.submitted_at - i.ends_at), 0) as turnaround_seconds,
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
    this.addSql(`update analytics_calibration_card set turnaround_seconds = 0 where turnaround_seconds < 0;`);
    this.addSql(`update analytics_turnaround_rollup r
   set turnaround_seconds = coalesce(
         (select sum(c.turnaround_seconds) from analytics_calibration_card c
           where c.week = r.week and c.experience_level = r.experience_level
             and c.company_profile = r.company_profile and c.stage_kind = r.stage_kind), 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace view analytics_calibration_card_source as
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
  }
}
