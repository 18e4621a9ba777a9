import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/auth.decorators';
import { CandidateType } from '../candidates';
import { ApplicationType } from './graphql/application.type';
import { ApplicationsService } from './applications.service';

/** `Candidate.applications`: the candidate's applications the caller may see. */
@Resolver(() => CandidateType)
export class CandidateApplicationsResolver {
  constructor(private readonly service: ApplicationsService) {}

  @ResolveField(() => [ApplicationType])
  async applications(@Parent() candidate: CandidateType, @CurrentActor() actor: Actor): Promise<ApplicationType[]> {
    return (await this.service.ofCandidate(actor, candidate.id)).map((row) => ApplicationType.from(row));
  }
}
