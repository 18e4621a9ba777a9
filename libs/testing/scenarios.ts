import { randomBytes } from 'node:crypto';
import type { Role } from '../domain';
import { BuiltInCatalogService } from '../../src/modules/catalog';
import type { User } from '../../src/modules/identity';
import { Interview, InterviewPanelist } from '../../src/modules/scheduling';
import {
  APPLY,
  CREATE_CANDIDATE,
  CREATE_POSITION,
  OPEN_POSITION,
  PLAN_TEMPLATES,
  SAVE_SCORECARD,
  SCHEDULE_INTERVIEW,
  SUBMIT_SCORECARD,
  type CreateCandidateInput,
  type Operation,
  type PlanFields,
  type SaveScorecardInput,
} from './operations';
import type { GraphQLResponse, TestApi } from './test-api';

/**
 * Steps the e2e tests share, taken over GraphQL as a client would (moving an interview into the
 * past is the one direct write: the API refuses to book in the past).
 */

const HOUR = 3_600_000;

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR);

/** A weekday at `hourUtc`:00 UTC at least `daysAhead` days ahead, so working-hour checks are predictable. */
export function nextWeekdayAt(hourUtc: number, daysAhead = 2): Date {
  const date = new Date(Date.now() + daysAhead * 86_400_000);
  while ([0, 6].includes(date.getUTCDay())) date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
}

/** A signed-in user who sends operations with their own token. */
export interface Person {
  user: User;
  id: string;
  email: string;
  token: string;
  gql<Data, Variables>(
    operation: Operation<Data, Variables>,
    variables: NoInfer<Variables>,
  ): Promise<GraphQLResponse<Data>>;
}

/** Creates a user with the roles (TEST_PASSWORD) and signs them in through the API. */
export async function signIn(api: TestApi, email: string, roles: Role[]): Promise<Person> {
  const { user, token } = await api.signedIn(email, roles);
  return {
    user,
    id: user.id,
    email: user.email,
    token,
    gql: (operation, variables) => api.gql(operation, variables, token),
  };
}

/** Signs in one person per name, as `<name>@example.com`, in the order given. */
export async function signInPeople<Name extends string>(
  api: TestApi,
  rolesByName: Record<Name, Role[]>,
): Promise<Record<Name, Person>> {
  const people = {} as Record<Name, Person>;
  for (const [name, roles] of Object.entries(rolesByName) as Array<[Name, Role[]]>) {
    people[name] = await signIn(api, `${name}@example.com`, roles);
  }
  return people;
}

/** Loads the built-in plan templates, as the API does at start. */
export function loadBuiltInPlan(api: TestApi): Promise<void> {
  return api.app.get(BuiltInCatalogService).load();
}

/** Fails the test set-up with the API's errors when an operation it relies on did not succeed. */
export function dataOf<Data>(response: GraphQLResponse<Data>, what: string): Data {
  if (!response.data || response.errors) throw new Error(`${what} failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export interface NewPosition {
  hiringManagerId: string;
  recruiterIds: string[];
  title?: string;
  level?: string;
  companyProfile?: string;
}

/** A DRAFT position whose plan is a copy of the built-in template (the first one listed). */
export async function createPositionFromBuiltInPlan(
  by: Person,
  position: NewPosition,
): Promise<{ id: string; status: string; plan: PlanFields }> {
  const [template] = dataOf(await by.gql(PLAN_TEMPLATES, {}), 'Listing plan templates').planTemplates;
  if (!template) throw new Error('No plan template: load the built-in plan first (loadBuiltInPlan).');
  const created = await by.gql(CREATE_POSITION, {
    input: {
      title: position.title ?? 'Backend Developer',
      level: position.level ?? 'SENIOR',
      companyProfile: position.companyProfile ?? 'STARTUP',
      hiringManagerId: position.hiringManagerId,
      recruiterIds: position.recruiterIds,
      planTemplateId: template.id,
    },
  });
  return dataOf(created, 'Creating a position').createPosition.position;
}

/** createPositionFromBuiltInPlan, then opened for applications. */
export async function openPositionFromBuiltInPlan(
  by: Person,
  position: NewPosition,
): Promise<{ id: string; plan: PlanFields }> {
  const created = await createPositionFromBuiltInPlan(by, position);
  dataOf(await by.gql(OPEN_POSITION, { id: created.id }), 'Opening the position');
  return { id: created.id, plan: created.plan };
}

/** A candidate (Casey Candidate, a unique email, SENIOR, unless given); returns the id. */
export async function createCandidate(by: Person, candidate: Partial<CreateCandidateInput> = {}): Promise<string> {
  const given = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
  const created = await by.gql(CREATE_CANDIDATE, {
    input: {
      name: 'Casey Candidate',
      email: `cand-${randomBytes(5).toString('hex')}@example.com`,
      experienceLevel: 'SENIOR',
      ...given,
    },
  });
  return dataOf(created, 'Creating a candidate').createCandidate.candidate.id;
}

/** A new candidate's application to the position, at its first stage; returns the application id. */
export async function applyCandidate(
  by: Person,
  positionId: string,
  candidate: Partial<CreateCandidateInput> = {},
): Promise<string> {
  const candidateId = await createCandidate(by, candidate);
  return dataOf(await by.gql(APPLY, { input: { candidateId, positionId } }), 'Applying').apply.application.id;
}

export interface NewInterview {
  applicationId: string;
  startsAt: Date;
  endsAt: Date;
  interviewerIds: string[];
  location?: string;
}

/** Books an interview of the application's current stage; the response, for tests of refusals. */
export function scheduleInterview(by: Person, interview: NewInterview) {
  return by.gql(SCHEDULE_INTERVIEW, {
    input: { ...interview, startsAt: interview.startsAt.toISOString(), endsAt: interview.endsAt.toISOString() },
  });
}

/**
 * Moves a booked interview (and its panel's calendar rows) into the past, so that it can be
 * completed and scored: the API books only future times.
 */
export async function moveInterviewIntoPast(
  api: TestApi,
  interviewId: string,
  times = { startsAt: hoursFromNow(-2 - Math.random()), endsAt: hoursFromNow(-1) },
): Promise<void> {
  const em = api.orm.em.fork();
  // The candidate cannot be in two scheduled interviews at once: end before any that would overlap.
  const [clash] = await em.getConnection().execute<Array<{ earliest: Date | null }>>(
    `select min(other.starts_at) as earliest from interview moved
       join interview other on other.candidate_id = moved.candidate_id and other.id <> moved.id
      where moved.id = ? and other.status = 'SCHEDULED' and tstzrange(other.starts_at, other.ends_at) && tstzrange(?, ?)`,
    [interviewId, times.startsAt, times.endsAt],
  );
  if (clash?.earliest) {
    const duration = times.endsAt.getTime() - times.startsAt.getTime();
    const endsAt = new Date(clash.earliest);
    times = { startsAt: new Date(endsAt.getTime() - duration), endsAt };
  }
  await em.nativeUpdate(Interview, { id: interviewId }, times);
  await em.nativeUpdate(InterviewPanelist, { interview: interviewId }, times);
}

/** Books an interview of the current stage for tomorrow, then moves it into the past; returns its id. */
export async function heldInterview(
  api: TestApi,
  by: Person,
  applicationId: string,
  interviewerIds: string[],
): Promise<string> {
  const scheduled = await scheduleInterview(by, {
    applicationId,
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(25),
    interviewerIds,
  });
  const { id } = dataOf(scheduled, 'Scheduling an interview').scheduleInterview.interview;
  await moveInterviewIntoPast(api, id);
  return id;
}

type PlanStageFields = PlanFields['stages'][number];

/** A full scorecard for the stage: every criterion at `score`, every skill the stage verifies judged by it. */
export function scorecardInput(
  plan: PlanFields,
  stage: PlanStageFields,
  interviewId: string,
  score: number,
  recommendation = 'YES',
): SaveScorecardInput & { redFlags: string[] } {
  const skills = plan.skillRequirements.filter((requirement) =>
    requirement.verifiedIn.some((verifying) => verifying.id === stage.id),
  );
  return {
    interviewId,
    ratings: stage.rubric!.criteria.map((criterion) => ({
      criterionId: criterion.id,
      score,
      evidence: `Seen: ${criterion.name}`,
    })),
    skillVerdicts: skills.map((requirement) => ({
      skillId: requirement.skill.id,
      verdict: score >= 3 ? 'VERIFIED' : 'NOT_VERIFIED',
      evidence: 'observed',
    })),
    recommendation,
    redFlags: [],
  };
}

/** Saves and submits a scorecard as `by`; returns its id. */
export async function submitScorecard(by: Person, input: SaveScorecardInput): Promise<string> {
  const saved = dataOf(await by.gql(SAVE_SCORECARD, { input }), `${by.email} saving a scorecard`);
  const scorecardId = saved.saveScorecard.scorecard.id;
  dataOf(await by.gql(SUBMIT_SCORECARD, { input: { scorecardId } }), `${by.email} submitting a scorecard`);
  return scorecardId;
}
