import { ApplicationStatus } from '../../libs/domain';
import { Factories, TestApi } from '../../libs/testing';
import type { User } from '../../src/modules/identity';
import { Application } from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';

const BOARD = `query ($id: ID!, $after: String) { position(id: $id) { boardCards(first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id version status experienceLevel candidateId
  candidateName currentStageId enteredStageAt nextInterviewAt } } } } }`;

interface Card {
  id: string;
  status: string;
  candidateName: string;
  currentStageId: string | null;
  enteredStageAt: string | null;
  nextInterviewAt: string | null;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Card }>;
}

/** `Position.boardCards`: the pipeline board's lean cards, one statement a page. */
describe('the pipeline board’s cards (issue 15)', () => {
  const api = new TestApi();
  let factories: Factories;
  let recruiter: User;
  let manager: User;
  let otherManager: User;
  let position: Position;
  const token: Record<string, string> = {};
  const apps: Record<string, Application> = {};

  const pageOf = async (who: string, after?: string | null): Promise<Page | null> => {
    const response = await api.gql(BOARD, { id: position.id, after }, token[who]);
    expect(response.errors).toBeUndefined();
    return (response.data as { position: { boardCards: Page } | null }).position?.boardCards ?? null;
  };
  const wholeBoard = async (who: string): Promise<{ total: number; cards: Card[]; pages: number }> => {
    const cards: Card[] = [];
    let after: string | null = null;
    let total = 0;
    let pages = 0;
    do {
      const page: Page = (await pageOf(who, after))!;
      if (!after) total = page.totalCount;
      expect(page.totalCount).toBe(total);
      cards.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    return { total, cards, pages };
  };

  beforeAll(async () => {
    await api.start();
    await api.reset();
    factories = new Factories(api.orm);
    recruiter = await factories.recruiter();
    manager = await factories.hiringManager();
    const panelist = await factories.interviewer();
    otherManager = await factories.hiringManager();
    position = await factories.position({
      template: await factories.planTemplate(),
      hiringManager: manager,
      recruiters: [recruiter],
    });
    for (const [who, user] of Object.entries({ recruiter, manager, otherManager })) {
      token[who] = await api.login(user.email);
    }
    apps.first = await factories.application({ position });
    apps.second = await factories.application({ position, stage: 1 });
    await factories.interview({ application: apps.second, panel: [panelist] });
    apps.held = await factories.application({ position, status: ApplicationStatus.ON_HOLD });
    apps.done = await factories.application({ position, stage: 'done' });
    apps.rejected = await factories.application({ position });
    await factories.em().nativeUpdate(Application, { id: apps.rejected.id }, { status: ApplicationStatus.REJECTED });
  });
  afterAll(() => api.close());

  it('lists every ACTIVE and ON_HOLD application once, over pages, with what a card shows', async () => {
    const { total, cards, pages } = await wholeBoard('recruiter');
    expect(total).toBe(4);
    expect(pages).toBe(2);
    expect(cards.map((card) => card.id).sort()).toEqual(
      [apps.first, apps.second, apps.held, apps.done].map((application) => application!.id).sort(),
    );
    const byId = new Map(cards.map((card) => [card.id, card]));
    const second = byId.get(apps.second!.id)!;
    expect(second.currentStageId).not.toBeNull();
    expect(second.enteredStageAt).not.toBeNull();
    expect(new Date(second.nextInterviewAt!).getTime()).toBeGreaterThan(Date.now());
    expect(byId.get(apps.first!.id)!.nextInterviewAt).toBeNull();
    expect(byId.get(apps.held!.id)!.status).toBe('ON_HOLD');
    expect(byId.get(apps.done!.id)).toMatchObject({ currentStageId: null, enteredStageAt: null });
    expect(second.candidateName).toEqual(expect.any(String));
  });

  it("is the same for the position's hiring manager (access by relation, in the statement); another manager sees no position", async () => {
    expect((await wholeBoard('manager')).cards).toHaveLength(4);
    const other = await api.gql(BOARD, { id: position.id }, token.otherManager);
    expect(other).toEqual({ data: { position: null } });
  });

  it('refuses a page size outside 1..2000 with BAD_USER_INPUT naming first', async () => {
    const response = await api.gql(
      `query ($id: ID!) { position(id: $id) { boardCards(first: 2001) { totalCount } } }`,
      { id: position.id },
      token.recruiter,
    );
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('first');
  });
});
