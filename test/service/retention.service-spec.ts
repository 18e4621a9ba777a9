import { ApplicationStatus } from '../../libs/domain';
import { ServiceContext } from '../../libs/testing';
import { Candidate } from '../../src/modules/candidates';
import { PipelineModule } from '../../src/modules/pipeline';
import { CandidateDataService, PrivacyModule, RetentionService } from '../../src/modules/privacy';
import type { Position } from '../../src/modules/positions';

const MONTH_MS = 30 * 86_400_000;

describe('RetentionService: the nightly sweep against PostgreSQL', () => {
  const context = new ServiceContext([PipelineModule, PrivacyModule]);
  let retention: RetentionService;
  let position: Position;

  beforeAll(async () => {
    await context.start();
    retention = context.get(RetentionService);
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    await context.reset();
    const { factories } = context;
    const template = await factories.planTemplate({ stages: [{ name: 'Screen' }, { name: 'Final' }] });
    position = await factories.position({
      template,
      hiringManager: await factories.hiringManager(),
      recruiters: [await factories.recruiter()],
    });
  });

  /** A candidate whose only application was decided `monthsAgo` months ago (undecided when null). */
  async function candidateDecided(monthsAgo: number | null, consentMonthsAgo: number | null = null) {
    const candidate = await context.factories.candidate();
    const application = await context.factories.application({ position, candidate });
    const connection = context.em().getConnection();
    if (monthsAgo !== null) {
      await connection.execute(`update application set status = ?, decided_at = ? where id = ?`, [
        ApplicationStatus.REJECTED,
        new Date(Date.now() - monthsAgo * MONTH_MS),
        application.id,
      ]);
    }
    if (consentMonthsAgo !== null) {
      await connection.execute(`update candidate set consent_renewed_at = ? where id = ?`, [
        new Date(Date.now() - consentMonthsAgo * MONTH_MS),
        candidate.id,
      ]);
    }
    return candidate.id;
  }

  const reload = (id: string) => context.em().findOneOrFail(Candidate, id);

  it('anonymises exactly the candidates past their date, and a second run finds nothing to do', async () => {
    // RETENTION_MONTHS defaults to 24.
    const expired = await candidateDecided(30);
    const recent = await candidateDecided(1);
    const undecided = await candidateDecided(null);
    const renewed = await candidateDecided(30, 1);

    const first = await retention.sweep();
    expect(first.anonymised).toEqual([expired]);
    expect(first.refreshed).toBe(3);

    const gone = await reload(expired);
    expect(gone.erasedAt).toBeInstanceOf(Date);
    expect(gone.name).toBe('Erased candidate');
    expect(gone.email).toBe(`erased-${expired}@erased.invalid`);
    for (const id of [recent, undecided, renewed]) expect((await reload(id)).erasedAt).toBeNull();
    // The retention date is 24 months after the later of the decision and the consent renewal.
    const recentDate = (await reload(recent)).retainUntil!.getTime();
    expect(Math.abs(recentDate - (Date.now() + 23 * MONTH_MS))).toBeLessThan(20 * 86_400_000);
    expect((await reload(undecided)).retainUntil).toBeNull();
    expect((await reload(renewed)).retainUntil!.getTime()).toBeGreaterThan(Date.now());

    const second = await retention.sweep();
    expect(second).toEqual({ refreshed: 0, anonymised: [] });
    expect((await reload(expired)).erasedAt).toEqual(gone.erasedAt);
  });

  it('keeps going past a candidate it cannot anonymise and records the failure in the audit log', async () => {
    const expired = await candidateDecided(30);
    const alsoExpired = await candidateDecided(40);
    const data = context.get(CandidateDataService);
    const original = data.anonymise.bind(data);
    const spy = jest.spyOn(data, 'anonymise').mockImplementation(async (id) => {
      if (id === alsoExpired) throw new Error('simulated failure');
      return original(id);
    });
    try {
      const run = await retention.sweep();
      expect(run.anonymised).toEqual([expired]);
    } finally {
      spy.mockRestore();
    }
    const audit = await context
      .em()
      .getConnection()
      .execute<Array<{ target_id: string; outcome: string }>>(
        `select target_id, outcome from audit_entry where action = 'retention.anonymise' order by outcome`,
      );
    expect(audit).toEqual([
      { target_id: alsoExpired, outcome: 'INTERNAL_SERVER_ERROR' },
      { target_id: expired, outcome: 'OK' },
    ]);
    // The next night retries it.
    expect((await retention.sweep()).anonymised).toEqual([alsoExpired]);
  });
});
