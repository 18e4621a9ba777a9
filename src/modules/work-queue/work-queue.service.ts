import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessService, Permission } from '../access';
import { Application } from '../pipeline';
import { ApplicationType } from '../pipeline';
import { Interview } from '../scheduling';
import { InterviewType } from '../scheduling';
import { bindWork, WORK_SQL, type WorkSection } from './work-definitions';
import type { WorkQueueSectionType, WorkQueueType } from './work-queue.types';

/** Items per section. */
export const WORK_QUEUE_ITEMS = 50;

const SECTIONS = Object.keys(WORK_SQL) as WorkSection[];

interface Row {
  application_id: string;
  interview_id: string | null;
  since: Date;
  total: string;
}

/** The caller's work queue: the definitions of work-definitions.ts over the positions they recruit for or manage. */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forActor(actor: Actor, now = new Date()): Promise<WorkQueueType> {
    const scope = this.access.condition(actor, Permission.WorkQueueRead, 'w.position_id');
    const rows = new Map<WorkSection, Row[]>();
    for (const section of SECTIONS) {
      const bound = bindWork(WORK_SQL[section], { now, sla: this.config.jobs.stageSlaDays });
      const found = await this.em.execute<Row[]>(
        `select w.application_id, w.interview_id, w.since, count(*) over () as total
          from (${bound.sql}) w ${scope ? `where ${scope.sql}` : ''}
          order by w.since asc, w.application_id limit ${WORK_QUEUE_ITEMS}`,
        [...bound.params, ...(scope?.params ?? [])],
      );
      rows.set(section, found);
    }
    const all = [...rows.values()].flat();
    const applications = new Map(
      (await this.em.find(Application, { id: { $in: [...new Set(all.map((row) => row.application_id))] } })).map(
        (application) => [application.id, ApplicationType.from(application)],
      ),
    );
    const interviewIds = [...new Set(all.flatMap((row) => (row.interview_id ? [row.interview_id] : [])))];
    const interviews = new Map(
      (interviewIds.length
        ? await this.em.find(
            Interview,
            { id: { $in: interviewIds } },
            { populate: ['panel.interviewer', 'application.candidate', 'application.position', 'stage'] },
          )
        : []
      ).map((interview) => [interview.id, InterviewType.from(interview)]),
    );
    const section = (name: WorkSection): WorkQueueSectionType => {
      const found = rows.get(name)!;
      return {
        count: found.length ? Number(found[0]!.total) : 0,
        items: found.map((row) => ({
          application: applications.get(row.application_id)!,
          interview: row.interview_id ? (interviews.get(row.interview_id) ?? null) : null,
          since: new Date(row.since),
          section: name,
        })),
      };
    };
    return {
      toSchedule: section('toSchedule'),
      overdueScorecards: section('overdueScorecards'),
      stalled: section('stalled'),
      decisionsWaiting: section('decisionsWaiting'),
      awaitingHire: section('awaitingHire'),
    };
  }
}
