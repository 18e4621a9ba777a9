import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { Role } from '../../libs/domain';
import {
  TEST_PASSWORD,
  TestApi,
  applyCandidate,
  createCandidate,
  dataOf,
  loadBuiltInPlan,
  nextWeekdayAt,
  openPositionFromBuiltInPlan,
  scheduleInterview,
  signInPeople,
  type Person,
} from '../../libs/testing';
import { LOGIN } from '../../libs/testing/operations';
import { loadConfig } from '../../src/config/app-config';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEvent, WebhookSubscription } from '../../src/modules/webhooks';
import { verifyWebhook } from '../../docs/examples/verify-webhook';

const DOC = readFileSync(join(__dirname, '../../docs/api.md'), 'utf8');

interface Example {
  role: string;
  expects: string | null;
  query: string;
  variables: string | null;
  line: number;
}

/**
 * The examples of docs/api.md: a ```graphql block after an `<!-- example: role [expects CODE] -->`
 * marker, with its variables in the ```json block right after it, if any.
 */
function examplesOf(markdown: string): Example[] {
  const pattern =
    /<!-- example: ([a-z-]+)(?: expects ([A-Z_]+))? -->\n```graphql\n([\s\S]*?)```\n(?:```json\n([\s\S]*?)```\n)?/g;
  return [...markdown.matchAll(pattern)].map((match) => ({
    role: match[1]!,
    expects: match[2] ?? null,
    query: match[3]!,
    variables: match[4] ?? null,
    line: markdown.slice(0, match.index).split('\n').length,
  }));
}

const EXAMPLES = examplesOf(DOC);

/** A delivery that gave up after 24 hours of failures, as an admin would find one (no event emits yet in this run). */
async function recordFailedDelivery(api: TestApi): Promise<void> {
  const em = api.orm.em.fork();
  const subscription = new WebhookSubscription({
    url: 'https://bi.example.com/hooks',
    events: [WebhookEvent.INTERVIEW_SCHEDULED],
    secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
  });
  const delivery = new WebhookDelivery({
    subscription,
    event: WebhookEvent.INTERVIEW_SCHEDULED,
    eventKey: 'interview.scheduled:docs',
    payload: { interviewId: 'docs' },
  });
  Object.assign(delivery, { status: WebhookDeliveryStatus.FAILED, attempts: 14, lastError: 'HTTP 503' });
  await em.persist([subscription, delivery]).flush();
}

describe('docs/api.md', () => {
  // DNS is not available to the tests: the example's webhook host is accepted without a lookup.
  const api = new TestApi({ jobs: { ...loadConfig().jobs, webhookAllowPrivateNetworks: true } });
  let people: Record<'ada' | 'rita' | 'hank' | 'ivy', Person>;
  /** What the `<placeholders>` of the examples' variables stand for. */
  const placeholders: Record<string, string> = {};

  beforeAll(async () => {
    await api.start();
    await api.reset();
    await loadBuiltInPlan(api);
    people = await signInPeople(api, {
      ada: [Role.ADMIN],
      rita: [Role.RECRUITER],
      hank: [Role.HIRING_MANAGER],
      ivy: [Role.INTERVIEWER],
    });
    const { rita, hank, ivy } = people;
    const position = await openPositionFromBuiltInPlan(rita, { hiringManagerId: hank.id, recruiterIds: [rita.id] });
    const interviewed = await applyCandidate(rita, position.id, { name: 'Casey Candidate' });
    const booked = await scheduleInterview(rita, {
      applicationId: interviewed,
      startsAt: nextWeekdayAt(10),
      endsAt: nextWeekdayAt(11),
      interviewerIds: [ivy.id],
    });
    const interview = dataOf(booked, 'Scheduling the interview').scheduleInterview.interview;
    const stageId = position.plan.stages.find((stage) => stage.name === interview.stage.name)!.id;
    const login = dataOf(
      await api.gql(LOGIN, { input: { email: 'ada@example.com', password: TEST_PASSWORD } }),
      'Signing in',
    );
    await recordFailedDelivery(api);
    Object.assign(placeholders, {
      password: TEST_PASSWORD,
      newPassword: 'a-long-Passphrase-for-the-sync-7',
      refreshToken: login.login.refreshToken,
      positionId: position.id,
      stageId,
      interviewerId: ivy.id,
      // Bookings must lie ahead (at most two years): the next weekday, 14:00 to 15:00 UTC.
      startsAt: nextWeekdayAt(14).toISOString(),
      endsAt: nextWeekdayAt(15).toISOString(),
      candidateId: await createCandidate(rita, { name: 'Robin Rivera' }),
      applicationId: await applyCandidate(rita, position.id, { name: 'Sam Sato' }),
      rejectedApplicationId: await applyCandidate(rita, position.id, { name: 'Jo Jensen' }),
    });
  });
  afterAll(() => api.close());

  it('marks every GraphQL block as an example the test runs', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(15);
    expect(DOC.match(/^```graphql$/gm)).toHaveLength(EXAMPLES.length);
    for (const role of ['recruiter', 'hiring-manager', 'interviewer', 'admin']) {
      expect(EXAMPLES.filter((example) => example.role === role && !example.expects).length).toBeGreaterThanOrEqual(3);
    }
  });

  const tokenOf = (role: string): string | undefined => {
    const person = { admin: 'ada', recruiter: 'rita', 'hiring-manager': 'hank', interviewer: 'ivy' }[role];
    if (role === 'anonymous') return undefined;
    if (!person) throw new Error(`Unknown role "${role}" in an example marker`);
    return people[person as keyof typeof people].token;
  };

  const variablesOf = (example: Example): Record<string, unknown> => {
    if (!example.variables) return {};
    const filled = example.variables.replace(/"<(\w+)>"/g, (whole, name: string) => {
      if (!(name in placeholders)) throw new Error(`docs/api.md:${example.line}: no value for ${whole}`);
      return JSON.stringify(placeholders[name]);
    });
    return JSON.parse(filled) as Record<string, unknown>;
  };

  // In document order: a later example may rely on an earlier one (none does today).
  it.each(EXAMPLES.map((example) => [`line ${example.line}, ${example.role}`, example] as const))(
    'runs the example at %s',
    async (_name, example) => {
      const response = await api.gql(example.query, variablesOf(example), tokenOf(example.role));
      if (example.expects) {
        expect(response.errors?.map((error) => error.extensions.code)).toEqual([example.expects]);
      } else {
        expect(response.errors).toBeUndefined();
        expect(response.data).toEqual(expect.any(Object));
        // An example that answers only empty lists and nulls shows a reader nothing.
        expect(JSON.stringify(response.data)).toMatch(/"[^"]+":(?!null|\[\])/);
      }
    },
  );

  describe('the webhook verification snippet', () => {
    const snippet = readFileSync(join(__dirname, '../../docs/examples/verify-webhook.ts'), 'utf8');

    it('is the file docs/examples/verify-webhook.ts, word for word', () => {
      expect(DOC).toContain('```ts\n' + snippet + '```');
    });

    /** A delivery signed as the worker signs one (webhook-delivery.processor.ts). */
    function delivery(secret: string, body: string, at = new Date()) {
      const id = 'a1f3b0c4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
      return {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, at, body),
      };
    }

    it('accepts a delivery signed with the subscription secret and refuses a changed or stale one', async () => {
      const created = await api.gql<{ createWebhookSubscription: { secret: string } }>(
        `mutation Subscribe($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`,
        { input: { url: 'https://hr.example.com/hooks/test', events: ['INTERVIEW_SCHEDULED'] } },
        people.ada.token,
      );
      const { secret } = dataOf(created, 'Subscribing').createWebhookSubscription;
      expect(secret).toMatch(/^whsec_/);
      const body = JSON.stringify({
        type: 'interview.scheduled',
        timestamp: '2030-03-05T14:00:00.000Z',
        data: { interviewId: 'b2', applicationId: 'c3' },
      });

      expect(verifyWebhook(secret, delivery(secret, body), body)).toEqual(JSON.parse(body));
      expect(() => verifyWebhook(secret, delivery(secret, body), body.replace('c3', 'c4'))).toThrow();
      const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      expect(() => verifyWebhook(secret, delivery(otherSecret, body), body)).toThrow();
      expect(() => verifyWebhook(secret, delivery(secret, body, new Date(Date.now() - 3_600_000)), body)).toThrow();
    });
  });
});
