import type { Relation, Subject } from './permissions';

/**
 * Each subject as rows of one shape, so that every relation is one predicate over them:
 * `id` (what the permission's ids name), and where they apply `position_id`, `application_id`,
 * `stage_id`, `interview_id`, `author_id`, `user_id` and `submitted` (content that is final).
 * A candidate has a row per application (the relations go through any of them).
 */
export const SUBJECT_ROWS: Record<Exclude<Subject, 'none'>, string> = {
  position: `select p.id, p.id as position_id, null::uuid as application_id, null::uuid as stage_id,
      null::uuid as interview_id, null::uuid as author_id, null::uuid as user_id, true as submitted
    from position p`,
  stage: `select ps.id, p.id as position_id, null::uuid, ps.id, null::uuid, null::uuid, null::uuid, true
    from plan_stage ps join position p on p.plan_id = ps.plan_id`,
  candidate: `select c.id, a.position_id, a.id, null::uuid, null::uuid, null::uuid, null::uuid, true
    from candidate c left join application a on a.candidate_id = c.id`,
  application: `select a.id, a.position_id, a.id, null::uuid, null::uuid, null::uuid, null::uuid, true
    from application a`,
  interview: `select i.id, a.position_id, i.application_id, i.stage_id, i.id, null::uuid, null::uuid, true
    from interview i join application a on a.id = i.application_id`,
  scorecard: `select sc.id, a.position_id, i.application_id, i.stage_id, i.id, sc.interviewer_id, null::uuid,
      sc.status = 'SUBMITTED'
    from scorecard sc join interview i on i.id = sc.interview_id join application a on a.id = i.application_id`,
  skillVerdict: `select v.id, a.position_id, v.application_id, v.stage_id, null::uuid, v.interviewer_id, null::uuid, true
    from application_skill_verdict v join application a on a.id = v.application_id`,
  stageDecision: `select d.id, a.position_id, d.application_id, d.stage_id, null::uuid, null::uuid, null::uuid, true
    from stage_decision d join application a on a.id = d.application_id`,
  stageVisit: `select sv.id, a.position_id, sv.application_id, sv.stage_id, null::uuid, null::uuid, null::uuid, true
    from stage_visit sv join application a on a.id = sv.application_id`,
  notification: `select n.id, null::uuid, null::uuid, null::uuid, null::uuid, null::uuid, n.user_id, true
    from notification n`,
  user: `select u.id, null::uuid, null::uuid, null::uuid, null::uuid, null::uuid, u.id, true from app_user u`,
};

/** The id column of each subject's rows, to narrow them to the ids asked about. */
export const SUBJECT_ID: Record<Exclude<Subject, 'none'>, string> = {
  position: 'p.id',
  stage: 'ps.id',
  candidate: 'c.id',
  application: 'a.id',
  interview: 'i.id',
  scorecard: 'sc.id',
  skillVerdict: 'v.id',
  stageDecision: 'd.id',
  stageVisit: 'sv.id',
  notification: 'n.id',
  user: 'u.id',
};

const SUBMITTED_OWN_CARD = `exists (select 1 from scorecard own join interview oi on oi.id = own.interview_id
    where own.interviewer_id = :actor and own.status = 'SUBMITTED'
      and oi.application_id = s.application_id and oi.stage_id = s.stage_id)`;

/** Each relation as a predicate over a subject row `s`; `:actor` is the actor's user id. */
export const RELATION_SQL: Record<Relation, string> = {
  hiringManager: `s.position_id in (select p.id from position p where p.hiring_manager_id = :actor)`,
  recruiter: `s.position_id in (select r.position_id from position_recruiter r where r.user_id = :actor)`,
  panelist: `s.application_id in (select i.application_id from interview i
      join interview_panelist ip on ip.interview_id = i.id where ip.interviewer_id = :actor)`,
  interviewPanelist: `s.interview_id in (select ip.interview_id from interview_panelist ip
      where ip.interviewer_id = :actor)`,
  stagePanelist: `s.stage_id in (select i.stage_id from interview i
      join interview_panelist ip on ip.interview_id = i.id where ip.interviewer_id = :actor)`,
  stageReviewer: `(s.submitted and ${SUBMITTED_OWN_CARD})`,
  author: `s.author_id = :actor`,
  self: `s.user_id = :actor`,
  blindPanelist: `(s.author_id is distinct from :actor
      and exists (select 1 from interview i join interview_panelist ip on ip.interview_id = i.id
        where ip.interviewer_id = :actor and i.status in ('SCHEDULED', 'COMPLETED')
          and i.application_id = s.application_id and i.stage_id = s.stage_id)
      and not ${SUBMITTED_OWN_CARD})`,
};

/**
 * Every interview of the (application, stage) pairs whose colleagues' work the actor may not read
 * yet: they sit on a live interview of it and have not submitted their own scorecard. Figures over
 * scorecards leave these interviews' cards out for the actor.
 */
export const BLIND_INTERVIEWS_SQL = `select other.id from interview other
  where (other.application_id, other.stage_id) in (
    select i.application_id, i.stage_id
      from interview i join interview_panelist ip on ip.interview_id = i.id
     where ip.interviewer_id = :actor and i.status in ('SCHEDULED', 'COMPLETED')
       and not exists (select 1 from scorecard own join interview oi on oi.id = own.interview_id
         where own.interviewer_id = :actor and own.status = 'SUBMITTED'
           and oi.application_id = i.application_id and oi.stage_id = i.stage_id))`;
