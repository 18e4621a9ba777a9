import { Factories, TestApi } from '../../libs/testing';
import { Application } from '../../src/modules/pipeline';
import type { Position } from '../../src/modules/positions';

const PAGE = `query ($id: ID!, $first: Int, $after: String) { position(id: $id) { applications(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string } }>;
}

/**
 * Keyset pages (`after:` a cursor of created_at and id): newest first, ties on created_at broken
 * by id, every row exactly once however the rows share timestamps.
 */
describe('paging through a position’s applications', () => {
  const api = new TestApi();
  let factories: Factories;
  let position: Position;
  let token: string;
  let expected: string[];

  beforeAll(async () => {
    await api.start();
    await api.reset();
    factories = new Factories(api.orm);
    const recruiter = await factories.recruiter();
    position = await factories.position({ template: await factories.planTemplate(), recruiters: [recruiter] });
    token = await api.login(recruiter.email);
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push((await factories.application({ position })).id);
    // Three groups of three applications created at the same instant, to put ties on page edges.
    const base = Date.now() - 86_400_000;
    const rows = ids.map((id, i) => ({ id, createdAt: new Date(base + Math.floor(i / 3) * 60_000) }));
    for (const row of rows) {
      await factories.em().nativeUpdate(Application, { id: row.id }, { createdAt: row.createdAt });
    }
    expected = rows
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => row.id);
  });
  afterAll(() => api.close());

  const page = async (first: number, after: string | null): Promise<Page> => {
    const response = await api.gql(PAGE, { id: position.id, first, after }, token);
    expect(response.errors).toBeUndefined();
    return (response.data as { position: { applications: Page } }).position.applications;
  };

  it.each([1, 2, 4, 9, 10])('lists each application once, newest first, %i a page', async (size) => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const current: Page = await page(size, after);
      expect(current.totalCount).toBe(9);
      expect(current.edges.length).toBeLessThanOrEqual(size);
      seen.push(...current.edges.map((edge) => edge.node.id));
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 20);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(9 / size));
  });

  it('continues after a cursor in the middle of a group of equal timestamps', async () => {
    const first = await page(4, null);
    const rest = await page(10, first.edges[3]!.cursor);
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(expected);
  });
});
