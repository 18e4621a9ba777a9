import { Injectable } from '@nestjs/common';
import { byId, groupedBy, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { UserType } from '../identity';
import { InterviewType, panelOrder } from './graphql/interview.type';
import type { Interview } from './interview.entity';
import { InterviewsService } from './interviews.service';

const INTERVIEWS = new LoaderKey<string, InterviewType>('scheduling.interviews');
const OF_APPLICATION = new LoaderKey<string, InterviewType[]>('scheduling.interviewsOfApplication');
const ENTITIES = new LoaderKey<string, Interview>('scheduling.interviewEntities');
const PANELS = new LoaderKey<string, UserType[]>('scheduling.panels');

/** Per-request batch loaders of interviews: by id, an application's (soonest first), their panels. */
@Injectable()
export class SchedulingLoaders {
  constructor(private readonly interviews: InterviewsService) {}

  interview(context: object) {
    return requestLoader(context, INTERVIEWS, async (ids) =>
      byId(ids, await this.interviews.byIds(ids), (row) => InterviewType.fromRow(row), 'interview'),
    );
  }

  ofApplication(context: object) {
    return requestLoader(context, OF_APPLICATION, async (ids) =>
      groupedBy(
        ids,
        await this.interviews.ofApplications(ids),
        (interview) => interview.application.id,
        (interview) => InterviewType.fromRow(interview),
      ),
    );
  }

  /** Interviews as entities with their graph (INTERVIEW_GRAPH), for calendar invites. */
  entity(context: object) {
    return requestLoader(context, ENTITIES, async (ids) =>
      byId(ids, await this.interviews.entities(ids), (interview) => interview, 'interview'),
    );
  }

  /** Each interview's panel, in panelOrder. */
  panel(context: object) {
    return requestLoader(context, PANELS, async (ids) =>
      groupedBy(
        ids,
        await this.interviews.panels(ids),
        (row) => row.interviewId,
        (row) => UserType.fromJson(row.user),
      ).map(panelOrder),
    );
  }
}
