import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR, type Actor } from '../../common/auth/actor';
import { BadUserInputException, NotFoundException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessService, Permission } from '../access';
import { AuditService } from '../audit';
import { CandidateDataService } from './candidate-data.service';

/**
 * The retention date of each candidate: RETENTION_MONTHS after the later of their last decision
 * (an application's decidedAt) and their last consent renewal; null while neither exists.
 */
const RETENTION_DATE = `greatest(
    (select max(a.decided_at) from application a where a.candidate_id = c.id),
    c.consent_renewed_at
  ) + make_interval(months => ?)`;

@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly data: CandidateDataService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async renewConsent(actor: Actor, candidateId: string): Promise<{ candidateId: string; retainUntil: Date }> {
    await this.access.require(actor, Permission.CandidateWrite);
    await this.access.require(actor, Permission.CandidateRead, candidateId);
    const [row] = await this.em.fork().execute<Array<{ retain_until: Date; erased_at: Date | null }>>(
      `update candidate c set consent_renewed_at = now(), retain_until = ${RETENTION_DATE}
        where id = ? and erased_at is null returning retain_until, erased_at`,
      [this.config.retention.months, candidateId],
    );
    if (!row) {
      const [erased] = await this.em.fork().execute('select 1 from candidate where id = ?', [candidateId]);
      if (!erased) throw new NotFoundException('Candidate', candidateId);
      throw new BadUserInputException('This candidate was erased: there is no personal data left to keep.', {
        'input.candidateId': 'names an erased candidate',
      });
    }
    return { candidateId, retainUntil: new Date(row.retain_until) };
  }

  /**
   * The nightly sweep: refreshes every retention date, then anonymises the candidates past theirs.
   * Idempotent: a second run (or a retried one) finds nothing left to do.
   */
  async sweep(now = new Date()): Promise<{ refreshed: number; anonymised: string[] }> {
    const em = this.em.fork();
    const refreshed = await em.execute(
      `update candidate c set retain_until = ${RETENTION_DATE}
        where erased_at is null and retain_until is distinct from ${RETENTION_DATE}`,
      [this.config.retention.months, this.config.retention.months],
      'run',
    );
    const due = await em.execute<Array<{ id: string }>>(
      'select id from candidate where erased_at is null and retain_until < ? order by retain_until, id',
      [now],
    );
    const anonymised: string[] = [];
    for (const { id } of due) {
      try {
        await this.data.anonymise(id);
        anonymised.push(id);
        await this.audit.append([
          {
            actorId: SYSTEM_ACTOR.userId,
            action: 'retention.anonymise',
            targetType: 'Candidate',
            targetId: id,
            outcome: 'OK',
          },
        ]);
      } catch (error) {
        // One candidate's failure must not keep the others past their date; the next run retries it.
        this.logger.error({ err: error, candidateId: id }, 'Could not anonymise a candidate past retention');
        await this.audit.append([
          { action: 'retention.anonymise', targetType: 'Candidate', targetId: id, outcome: 'INTERNAL_SERVER_ERROR' },
        ]);
      }
    }
    return { refreshed: (refreshed as { affectedRows?: number }).affectedRows ?? 0, anonymised };
  }
}
