import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserType } from '../identity';
import { WorkQueueLoaders } from './work-queue.loaders';
import { WorkItemType } from './work-queue.types';

/**
 * Who a work item waits for. Only who has submitted is read, never what a card says, so a recruiter or
 * hiring manager sees it even where blind review hides the cards themselves.
 */
@Resolver(() => WorkItemType)
export class WorkItemResolver {
  constructor(private readonly loaders: WorkQueueLoaders) {}

  @ResolveField(() => [UserType], {
    description:
      'The panelists who owe a scorecard for this interview, in panel order: overdue scorecards only, empty for the other sections.',
  })
  async waitingFor(@Parent() item: WorkItemType, @Context() context: object): Promise<UserType[]> {
    if (item.section !== 'overdueScorecards' || !item.interview) return [];
    const owing = new Set(await this.loaders.unsubmittedPanelists(context).load(item.interview.id));
    return item.interview.interviewers.filter((person) => owing.has(person.id));
  }
}
