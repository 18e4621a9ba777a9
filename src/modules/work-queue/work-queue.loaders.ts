import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { groupedBy, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { UNSUBMITTED_PANELISTS } from './work-definitions';

const UNSUBMITTED = new LoaderKey<string, string[]>('workQueue.unsubmittedPanelists');

/** Per-request batch loaders of the work queue. */
@Injectable()
export class WorkQueueLoaders {
  constructor(private readonly em: EntityManager) {}

  /** The ids of each interview's panelists who have not submitted their scorecard (work-definitions.ts). */
  unsubmittedPanelists(context: object) {
    return requestLoader(context, UNSUBMITTED, async (ids) =>
      groupedBy(
        ids,
        await this.em.execute<Array<{ interview_id: string; interviewer_id: string }>>(
          `select i.id as interview_id, u.interviewer_id
            from interview i cross join lateral (${UNSUBMITTED_PANELISTS}) u where i.id = any(?::uuid[])`,
          [`{${ids.join(',')}}`],
        ),
        (row) => row.interview_id,
        (row) => row.interviewer_id,
      ),
    );
  }
}
