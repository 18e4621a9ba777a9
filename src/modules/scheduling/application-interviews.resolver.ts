import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApplicationType } from '../pipeline';
import { InterviewType } from './graphql/interview.type';
import { SchedulingLoaders } from './scheduling.loaders';

/** `Application.interviews`: the application's interviews, soonest first. */
@Resolver(() => ApplicationType)
export class ApplicationInterviewsResolver {
  constructor(private readonly loaders: SchedulingLoaders) {}

  @ResolveField(() => [InterviewType])
  interviews(@Parent() application: ApplicationType, @Context() context: object) {
    return this.loaders.ofApplication(context).load(application.id);
  }
}
