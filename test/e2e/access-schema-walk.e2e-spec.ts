import { randomBytes } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { ModulesContainer } from '@nestjs/core';
import { Role } from '../../libs/domain';
import { TestApi } from '../../libs/testing';
import {
  findSentinels,
  introspectSchema,
  walkSchema,
  type KnownId,
  type MutationCall,
  type SchemaWalk,
} from '../../libs/testing/schema-walk';

/**
 * Issue 10, item 3: who sees what, proved by walking the whole schema rather than a list of known
 * paths. Panelist A has submitted (and amended) a scorecard full of sentinel strings; the
 * candidate's contact details and the staff's e-mail addresses are sentinels too. Each walker
 * reads every field path the schema offers (see libs/testing/schema-walk.ts) and no response may
 * show a sentinel that walker must not see.
 */

const run = randomBytes(4).toString('hex');
const sentinel = (what: string) => `sentinel-${what}-${run}`;
const emailOf = (who: string) => `${sentinel(`email-${who}`)}@example.com`;

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * Staff: R recruits for both positions; M manages P1, M2 manages P2; A and B sit on P1's panel, O on
 * P2's. Candidates: C applies to P1 (interviewed by A and B), C2 to P2 (by O), C3 to P1 (by nobody).
 */
const STAFF = {
  R: { name: 'Rita Recruiter', roles: [Role.RECRUITER] },
  M: { name: 'Max Manager', roles: [Role.HIRING_MANAGER] },
  M2: { name: 'Mia Othermanager', roles: [Role.HIRING_MANAGER] },
  A: { name: 'Ann Panelist', roles: [Role.INTERVIEWER] },
  B: { name: 'Ben Panelist', roles: [Role.INTERVIEWER] },
  O: { name: 'Oscar Outsider', roles: [Role.INTERVIEWER] },
} as const;
type Staff = keyof typeof STAFF;

const CANDIDATE = { name: `Grace Walkthrough ${run}`, email: `${sentinel('candidate-email')}@example.net` };
const OTHER_CANDIDATE = {
  name: `Alan Otherposition ${run}`,
  email: `${sentinel('other-candidate-email')}@example.net`,
};
/** Applies to P1 and is interviewed by nobody: no panelist of P1 may learn of this application. */
const UNSEEN_CANDIDATE = {
  name: `Cora ${sentinel('unseen-name')}`,
  email: `${sentinel('unseen-email')}@example.net`,
};
/** Titles: a position is read by its team, and by a panelist only through their own interviews. */
const P1_TITLE = `Backend Developer ${sentinel('p1-title')}`;
const P2_TITLE = `Platform Engineer ${sentinel('p2-title')}`;
const B_DRAFT_NOTES = `Ben is still deciding ${run}`;

describe('access rules, proved by walking the whole GraphQL schema', () => {
  const api = new TestApi({
    // The walk batches thousands of aliased fields per request; the operation limits are tested in
    // query-limits.e2e-spec.ts, access is what this test is about.
    queryLimits: { maxAliases: 100_000, maxTokens: 10_000_000, maxCost: Number.MAX_SAFE_INTEGER },
  });
  const people = {} as Record<Staff, { id: string; token: string }>;
  /** Sentinel name → text, for everything planted. */
  const planted: Record<string, string> = {};
  const ids: Record<string, KnownId[]> = {};
  const known = (pool: string, id: string, label: string) => (ids[pool] ??= []).push({ id, label });
  let schema: GraphQLSchema;
  let interviewAB: string;
  let interviewO: string;
  let saveDraft: Record<'B' | 'O', MutationCall>;
  let p2: string;

  const gql = async (who: Staff, query: string, variables: Record<string, unknown> = {}) => {
    const response = await api.gql(query, variables, people[who].token);
    if (!response.data) throw new Error(`${who}: ${JSON.stringify(response.errors)}`);
    return response.data as any;
  };

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await loadBuiltInPlans(api);

    for (const [who, { name, roles }] of Object.entries(STAFF) as Array<[Staff, (typeof STAFF)[Staff]]>) {
      planted[`e-mail of ${who}`] = emailOf(who);
      const user = await api.createUser({ email: emailOf(who), name, roles: [...roles] });
      people[who] = { id: user.id, token: await api.login(emailOf(who)) };
      known('user', user.id, who);
    }

    // P1 and P2 on the built-in plan, both open.
    const PLAN = `plan { id stages { id name order rubric { criteria { id } } questions { id } }
      skillRequirements { skill { id name } priority verifiedIn { id } } }`;
    const template = (await gql('R', '{ planTemplates { id stages { id } } }')).planTemplates[0];
    known('plan', template.id, 'built-in template');
    for (const stage of template.stages) known('stage', stage.id, 'template stage');
    const positions: Record<string, any> = {};
    for (const [key, title, manager] of [
      ['P1', P1_TITLE, 'M'],
      ['P2', P2_TITLE, 'M2'],
    ] as const) {
      const input = {
        title,
        level: 'SENIOR',
        companyProfile: 'ENTERPRISE',
        hiringManagerId: people[manager].id,
        recruiterIds: [people.R.id],
        planTemplateId: template.id,
      };
      const created = await gql(
        'R',
        `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { position { id ${PLAN} } } }`,
        { input },
      );
      const position = created.createPosition.position;
      await gql('R', 'mutation ($id: ID!) { openPosition(id: $id) { position { id } } }', { id: position.id });
      positions[key] = position;
      known('position', position.id, key);
      known('plan', position.plan.id, `plan of ${key}`);
      for (const stage of position.plan.stages) known('stage', stage.id, `${key} ${stage.name}`);
    }
    p2 = positions.P2.id;
    planted["P1's title"] = P1_TITLE;
    planted["P2's title"] = P2_TITLE;
    for (const requirement of positions.P1.plan.skillRequirements)
      known('skill', requirement.skill.id, requirement.skill.name);

    // C applies to P1, C2 to P2; contact details are sentinels.
    const apply = async (key: string, candidate: { name: string; email: string }, positionId: string) => {
      const input = {
        ...candidate,
        phone: sentinel(`${key}-phone`),
        notes: sentinel(`${key}-notes`),
        experienceLevel: 'SENIOR',
      };
      planted[`${key}'s e-mail`] = candidate.email;
      planted[`${key}'s phone`] = input.phone;
      planted[`${key}'s notes`] = input.notes;
      const created = await gql(
        'R',
        'mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }',
        { input },
      );
      const candidateId = created.createCandidate.candidate.id;
      const applied = await gql(
        'R',
        'mutation ($input: ApplyInput!) { apply(input: $input) { application { id currentStage { id } } } }',
        { input: { candidateId, positionId } },
      );
      known('candidate', candidateId, key);
      known('application', applied.apply.application.id, `application of ${key}`);
      return applied.apply.application.id as string;
    };
    const applicationC = await apply('C', CANDIDATE, positions.P1.id);
    const applicationC2 = await apply('C2', OTHER_CANDIDATE, p2);
    planted["C3's name"] = UNSEEN_CANDIDATE.name;
    await apply('C3', UNSEEN_CANDIDATE, positions.P1.id);

    // The stage of P1 where every scorecard field can be filled: rubric, questions, must and good-to-verify skills.
    const plan = positions.P1.plan;
    const skillsOf = (stage: any) =>
      plan.skillRequirements.filter((requirement: any) => requirement.verifiedIn.some((s: any) => s.id === stage.id));
    const stage = [...plan.stages]
      .sort((a: any, b: any) => a.order - b.order)
      .find(
        (candidate: any) =>
          candidate.rubric?.criteria.length > 0 &&
          candidate.questions.length > 0 &&
          skillsOf(candidate).some((r: any) => r.priority === 'MUST_VERIFY') &&
          skillsOf(candidate).some((r: any) => r.priority === 'GOOD_TO_VERIFY'),
      );
    expect(stage).toBeDefined();
    for (let current = ''; current !== stage.id;) {
      const application = await gql('R', 'query ($id: ID!) { application(id: $id) { currentStage { id } } }', {
        id: applicationC,
      });
      current = application.application.currentStage.id;
      if (current !== stage.id)
        await gql('R', 'mutation ($input: SkipStageInput!) { skipStage(input: $input) { application { id } } }', {
          input: { applicationId: applicationC, reason: 'walk setup' },
        });
    }

    const schedule = async (applicationId: string, panel: Staff[], startsInHours: number) => {
      const scheduled = await gql(
        'R',
        'mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { interview { id } } }',
        {
          input: {
            applicationId,
            startsAt: hoursFromNow(startsInHours),
            endsAt: hoursFromNow(startsInHours + 1),
            interviewerIds: panel.map((who) => people[who].id),
          },
        },
      );
      return scheduled.scheduleInterview.interview.id as string;
    };
    interviewAB = await schedule(applicationC, ['A', 'B'], 24);
    interviewO = await schedule(applicationC2, ['O'], 48);
    known('interview', interviewAB, 'interview of A and B');
    known('interview', interviewO, 'interview of O');
    // Into the past, so that A can submit (the API has no way to do this).
    const connection = api.orm.em.getConnection();
    const past = [hoursFromNow(-2), hoursFromNow(-1), interviewAB];
    await connection.execute('update interview set starts_at = ?, ends_at = ? where id = ?', past);
    await connection.execute('update interview_panelist set starts_at = ?, ends_at = ? where interview_id = ?', past);

    // A's scorecard: every free-text field a sentinel; submitted, then amended.
    const card = {
      interviewId: interviewAB,
      ratings: stage.rubric.criteria.map((criterion: any, index: number) => ({
        criterionId: criterion.id,
        score: 3,
        evidence: (planted[`A's rating evidence ${index}`] = sentinel(`rating-evidence-${index}`)),
      })),
      questionRatings: stage.questions.map((question: any, index: number) => ({
        questionId: question.id,
        score: 3,
        note: (planted[`A's question note ${index}`] = sentinel(`question-note-${index}`)),
      })),
      skillVerdicts: skillsOf(stage).map((requirement: any, index: number) => ({
        skillId: requirement.skill.id,
        verdict: 'VERIFIED',
        evidence: (planted[`A's skill verdict evidence ${index}`] = sentinel(`verdict-evidence-${index}`)),
      })),
      redFlags: [0, 1].map((index) => (planted[`A's red flag ${index}`] = sentinel(`red-flag-${index}`))),
      notes: (planted["A's notes"] = sentinel('notes')),
      recommendation: 'YES',
    };
    const SCORECARD = 'scorecard { id status }';
    const saved = await gql(
      'A',
      `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { ${SCORECARD} } }`,
      { input: card },
    );
    const cardA = saved.saveScorecard.scorecard.id;
    await gql('A', `mutation ($input: SubmitScorecardInput!) { submitScorecard(input: $input) { ${SCORECARD} } }`, {
      input: { scorecardId: cardA },
    });
    const reason = (planted["A's amendment reason"] = sentinel('amendment-reason'));
    await gql('A', `mutation ($input: AmendScorecardInput!) { amendScorecard(input: $input) { ${SCORECARD} } }`, {
      input: { scorecardId: cardA, reason, recommendation: 'STRONG_YES' },
    });
    known('scorecard', cardA, "A's scorecard");

    // B and O keep drafts; saving them again is what the walk does through the mutation payload.
    saveDraft = {
      B: {
        field: 'saveScorecard',
        variables: { input: { interviewId: interviewAB, ratings: [], notes: B_DRAFT_NOTES } },
      },
      O: { field: 'saveScorecard', variables: { input: { interviewId: interviewO, ratings: [] } } },
    };
    for (const who of ['B', 'O'] as const) {
      const draft = await gql(
        who,
        `mutation ($input: SaveScorecardInput!) { saveScorecard(input: $input) { ${SCORECARD} } }`,
        saveDraft[who].variables,
      );
      expect(draft.saveScorecard.scorecard.status).toBe('DRAFT');
      known('scorecard', draft.saveScorecard.scorecard.id, `${who}'s draft`);
    }

    schema = await introspectSchema((document, variables) => post(document, variables));
  });
  afterAll(() => api.close());

  /** The raw body, so the scan sees every byte the caller got. */
  async function post(document: string, variables: Record<string, unknown>, token?: string): Promise<string> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document, variables }),
    });
    return response.text();
  }

  function walkAs(who: Staff, mutations: MutationCall[]): Promise<SchemaWalk> {
    return walkSchema(
      {
        schema,
        ids,
        idAliases: { interviewer: 'user', hiringManager: 'user', recruiter: 'user', planTemplate: 'plan' },
        mutations,
      },
      (document, variables) => post(document, variables, people[who].token),
    );
  }

  const scorecardOfA = () => Object.keys(planted).filter((name) => name.startsWith("A's "));
  const contactOf = (candidate: string) => [`${candidate}'s e-mail`, `${candidate}'s phone`, `${candidate}'s notes`];
  const emailsOf = (...who: Staff[]) => who.map((name) => `e-mail of ${name}`);

  // What each walker must not read, and what it must read (so that an API refusing everything fails).
  const walkers: Array<{
    who: Staff;
    as: string;
    forbidden: () => string[];
    mutations: () => MutationCall[];
    mustSee: () => string[];
  }> = [
    {
      who: 'B',
      as: 'panelist B of the same stage, before submitting',
      // Interviewers see colleagues by name only: co-panelist A's address too (not on B's invite either).
      forbidden: () => [
        ...scorecardOfA(),
        ...contactOf('C'),
        ...contactOf('C2'),
        ...contactOf('C3'),
        "C3's name",
        "P2's title",
        ...emailsOf('R', 'M', 'M2', 'O', 'A'),
      ],
      mutations: () => [saveDraft.B],
      mustSee: () => [interviewAB, CANDIDATE.name, B_DRAFT_NOTES],
    },
    {
      who: 'O',
      as: 'interviewer O of another position',
      forbidden: () => [
        ...scorecardOfA(),
        ...contactOf('C'),
        ...contactOf('C2'),
        ...contactOf('C3'),
        "C3's name",
        "P1's title",
        ...emailsOf('R', 'M', 'M2', 'A', 'B'),
      ],
      mutations: () => [saveDraft.O],
      mustSee: () => [interviewO, OTHER_CANDIDATE.name],
    },
    {
      who: 'M2',
      as: 'hiring manager M2 of another position',
      // Hiring managers list `users` with their addresses, and see their own candidates' contact details.
      forbidden: () => [...scorecardOfA(), ...contactOf('C'), ...contactOf('C3'), "C3's name", "P1's title"],
      mutations: () => [{ field: 'updatePosition', variables: { input: { positionId: p2 } } }],
      mustSee: () => [P2_TITLE, OTHER_CANDIDATE.name, OTHER_CANDIDATE.email],
    },
  ];

  it.each(walkers)(
    '$who ($as) reads no sentinel it must not see, on any path',
    async (walker) => {
      const walk = await walkAs(walker.who, walker.mutations());

      // The walk reached real data the walker is allowed to read: an API that refuses everything fails here.
      const bodies = walk.responses.map((response) => response.body).join('\n');
      for (const text of walker.mustSee()) expect(bodies).toContain(text);

      const forbidden = Object.fromEntries(walker.forbidden().map((name) => [name, planted[name]!]));
      // One line per leaking field, path and kind of sentinel (the numbered ones of a kind read as one).
      const leaks = findSentinels(walk, forbidden).map(
        (leak) => `${leak.field}: ${leak.path} → ${leak.sentinel.replace(/ \d+$/, '')}`,
      );
      expect([...new Set(leaks)].sort()).toEqual([]);
    },
    // Generous: the walk grows with the schema and a busy machine slows it; it is a correctness test, not a timed one.
    600_000,
  );
});

/**
 * Loads the built-in plans as the seed command does. Found by class name in the application's
 * container, so this test does not import a source file that may move between modules.
 */
async function loadBuiltInPlans(api: TestApi): Promise<void> {
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const [token, wrapper] of module.providers) {
      if (typeof token === 'function' && token.name === 'BuiltInCatalogService') {
        return (wrapper.instance as { load(): Promise<void> }).load();
      }
    }
  }
  throw new Error('no BuiltInCatalogService in the application');
}
