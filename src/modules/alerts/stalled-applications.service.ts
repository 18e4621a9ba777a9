import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { NotificationsService } from '../notifications';
import { WebhookEvent, WebhooksService } from '../webhooks';
import { bindWork, STALLED_SQL } from '../work-queue';

const DAY_MS = 86_400_000;

interface StalledRow {
  application_id: string;
  position_id: string;
  visit_id: string;
  entered_at: Date;
  sla_days: number;
  stage_id: string;
  stage_name: string;
  candidate_name: string;
  recruiters: string[];
}

/**
 * Stalled applications (docs/domain.md#stalled-applications): the `stalled` rows of the work queue
 * (work-definitions.ts). Each stalled visit alerts its position's recruiters and emits
 * `sla.breached` once per SLA period it has been in the stage: period 1 when the SLA ends, period 2
 * one SLA later, and so on. Keys `sla-breached.<visit>.<period>` make a second sweep send nothing.
 */
@Injectable()
export class StalledApplications {
  constructor(
    private readonly orm: MikroORM,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Alerts every stalled application not yet alerted for its current SLA period; returns how many rows it saw. */
  async sweep(now = new Date()): Promise<number> {
    const bound = bindWork(STALLED_SQL, { now, sla: this.config.jobs.stageSlaDays });
    const rows = await this.orm.em.fork().execute<StalledRow[]>(
      `select s.*, a.current_stage_id as stage_id, ps.name as stage_name, c.name as candidate_name,
          array(select pr.user_id from position_recruiter pr where pr.position_id = s.position_id) as recruiters
        from (${bound.sql}) s join application a on a.id = s.application_id
        join plan_stage ps on ps.id = a.current_stage_id join candidate c on c.id = a.candidate_id`,
      bound.params,
    );
    for (const row of rows) await this.alert(row, now);
    return rows.length;
  }

  private async alert(row: StalledRow, now: Date): Promise<void> {
    const enteredAt = new Date(row.entered_at);
    const slaDays = Number(row.sla_days);
    const period = Math.max(1, Math.floor((now.getTime() - enteredAt.getTime()) / (slaDays * DAY_MS)));
    const key = `sla-breached.${row.visit_id}.${period}`;
    const days = Math.floor((now.getTime() - enteredAt.getTime()) / DAY_MS);
    await this.orm.em.fork().transactional(async (em) => {
      await this.notifications.send(em, row.recruiters, key, {
        kind: 'APPLICATION_STALLED',
        subject: `Stalled: ${row.candidate_name}, ${row.stage_name}`,
        body:
          `${row.candidate_name} has been in ${row.stage_name} for ${days} day(s) (SLA ${slaDays} day(s)) ` +
          `with no interview scheduled and no decision.`,
        link: row.application_id,
      });
      await this.webhooks.emit(em, WebhookEvent.SLA_BREACHED, key, {
        applicationId: row.application_id,
        positionId: row.position_id,
        stageId: row.stage_id,
        slaDays,
        enteredStageAt: enteredAt.toISOString(),
        period,
      });
    });
  }
}
