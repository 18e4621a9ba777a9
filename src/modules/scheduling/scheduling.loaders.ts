import { Injectable } from '@nestjs/common';
import { byId, groupedBy, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { InterviewType } from './graphql/interview.type';
import { InterviewsService } from './interviews.service';

const INTERVIEWS = new LoaderKey<string, InterviewType>('scheduling.interviews');
const OF_APPLICATION = new LoaderKey<string, InterviewType[]>('scheduling.interviewsOfApplication');

/** Per-request batch loaders of interviews: by id, and an application's (soonest first). */
@Injectable()
export class SchedulingLoaders {
  constructor(private readonly interviews: InterviewsService) {}

  interview(context: object) {
    return requestLoader(context, INTERVIEWS, async (ids) =>
      byId(ids, await this.interviews.byIds(ids), (row) => InterviewType.from(row), 'interview'),
    );
  }

  ofApplication(context: object) {
    return requestLoader(context, OF_APPLICATION, async (ids) =>
      groupedBy(
        ids,
        await this.interviews.ofApplications(ids),
        (interview) => interview.application.id,
        (interview) => InterviewType.from(interview),
      ),
    );
  }
}
