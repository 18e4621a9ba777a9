import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { UserType } from '../identity';
import { SchedulingLoaders } from '../scheduling';
import { WorkQueueLoaders } from './work-queue.loaders';
import { WorkItemType } from './work-queue.types';

/**
 * Who a work item waits for. Only who has submitted is read, never what a card says, so a recruiter or
 * hiring manager sees it even where blind review hides the cards themselves.
 */
@Resolver(() => WorkItemType)
export class WorkItemResolver {
  constructor(
    private readonly loaders: WorkQueueLoaders,
    private readonly scheduling: SchedulingLoaders,
  ) {}

  @ResolveField(() => [UserType], {
    description:
      'The panelists who owe a scorecard for this interview, in panel order: overdue scorecards only, empty for the other sections.',
  })
  async waitingFor(@Parent() item: WorkItemType, @Context() context: object): Promise<UserType[]> {
    if (item.section !== 'overdueScorecards' || !item.interview) return [];
    const [owed, panel] = await Promise.all([
      this.loaders.unsubmittedPanelists(context).load(item.interview.id),
      item.interview.interviewers ?? this.scheduling.panel(context).load(item.interview.id),
    ]);
    const owing = new Set(owed);
    return panel.filter((person) => owing.has(person.id));
  }
}
