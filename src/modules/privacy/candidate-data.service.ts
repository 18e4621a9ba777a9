import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { ALL_QUEUES } from '../../../libs/jobs';
import type { Actor } from '../../common/auth/actor';
import { NotFoundException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessService, Permission } from '../access';
import { Candidate } from '../candidates';
import { ERASED_NAME, linkColumns, linkedIds, pg, scrubFreeText } from './candidate-erasure';

/** Tables left out of an export: they hold nothing about the candidate beyond ids. */
const NOT_EXPORTED = new Set(['outbox_message', 'audit_entry']);

/** Export and erasure of everything held about one candidate (docs/security.md#candidate-data-rights). */
@Injectable()
export class CandidateDataService {
  private readonly logger = new Logger(CandidateDataService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One JSON document: the candidate's row, then every row of every table tied to them (by
   * candidate, application, interview or scorecard id), grouped by table. New tables are included
   * by themselves.
   */
  async export(actor: Actor, candidateId: string): Promise<string> {
    await this.access.require(actor, Permission.CandidateDataExport);
    await this.access.require(actor, Permission.CandidateRead, candidateId);
    const em = this.em.fork();
    const [candidate] = await em.execute<Array<{ row: Record<string, unknown> }>>(
      'select to_jsonb(c) as row from candidate c where id = ?',
      [candidateId],
    );
    if (!candidate) throw new NotFoundException('Candidate', candidateId);
    const ids = await linkedIds(em, candidateId);
    const records: Record<string, unknown[]> = {};
    for (const [table, links] of [...(await linkColumns(em))].sort(([a], [b]) => a.localeCompare(b))) {
      if (NOT_EXPORTED.has(table) || table.startsWith('analytics_')) continue;
      const conditions = links.filter((link) => ids[link].length > 0);
      if (!conditions.length) continue;
      const rows = await em.execute<Array<{ row: unknown }>>(
        `select to_jsonb(t) as row from "${table}" t where ${conditions.map((link) => `"${link}" = any(?::uuid[])`).join(' or ')}
          order by 1`,
        conditions.map((link) => pg(ids[link])),
      );
      if (rows.length) records[table] = rows.map((row) => row.row);
    }
    return JSON.stringify({
      exportedAt: new Date().toISOString(),
      candidate: candidate.row,
      records,
    });
  }

  /** Erasure on request: refused unless the actor may erase; idempotent. */
  async erase(actor: Actor, candidateId: string): Promise<{ candidateId: string; erasedAt: Date }> {
    await this.access.require(actor, Permission.CandidateErase);
    await this.access.require(actor, Permission.CandidateRead, candidateId);
    return this.anonymise(candidateId);
  }

  /**
   * Anonymises a candidate irreversibly, in one transaction: personal fields replaced, free text
   * scrubbed, pending jobs about them dropped. Visits, decisions, interviews and scores stay
   * (anonymous), so every analytics figure is unchanged. Calling it again changes nothing.
   */
  async anonymise(candidateId: string): Promise<{ candidateId: string; erasedAt: Date }> {
    const outcome = await this.em.fork().transactional(async (em) => {
      const [row] = await em.execute<
        Array<{ name: string; email: string; phone: string | null; erased_at: Date | null }>
      >('select name, email, phone, erased_at from candidate where id = ? for update', [candidateId]);
      if (!row) throw new NotFoundException('Candidate', candidateId);
      if (row.erased_at) return { erasedAt: new Date(row.erased_at), ids: null };
      const ids = await linkedIds(em, candidateId);
      await scrubFreeText(em, row, ids);
      const erasedAt = new Date();
      await em.nativeUpdate(
        Candidate,
        { id: candidateId },
        {
          name: ERASED_NAME,
          // Unique like any e-mail, and of a reserved domain: it reaches nobody.
          email: `erased-${candidateId}@erased.invalid`,
          phone: null,
          notes: null,
          source: null,
          tags: [],
          experienceYears: null,
          consentRenewedAt: null,
          retainUntil: null,
          erasedAt,
        },
      );
      // Jobs not yet handed to the queue: gone with the transaction.
      const all = Object.values(ids).flat();
      await em.execute(
        `delete from outbox_message where relayed_at is null and exists (
           select 1 from jsonb_each_text(payload) p where p.value = any(?))`,
        [`{${all.join(',')}}`],
        'run',
      );
      return { erasedAt, ids: all };
    });
    if (outcome.ids) await this.removeQueuedJobs(outcome.ids);
    return { candidateId, erasedAt: outcome.erasedAt };
  }

  /** Removes waiting and delayed jobs whose payload names one of these records. */
  private async removeQueuedJobs(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    for (const name of ALL_QUEUES) {
      const queue = new Queue(name, {
        connection: { url: this.config.redis.url },
        prefix: this.config.redis.queuePrefix,
      });
      try {
        const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children']);
        for (const job of jobs) {
          const values = Object.values((job?.data ?? {}) as Record<string, unknown>);
          if (values.some((value) => typeof value === 'string' && wanted.has(value))) await job!.remove();
        }
      } catch (error) {
        // The erasure itself is committed; a job left behind names ids only and finds an anonymous record.
        this.logger.warn({ err: error, queue: name }, 'Could not remove the queued jobs of an erased candidate');
      } finally {
        await queue.close();
      }
    }
  }
}
