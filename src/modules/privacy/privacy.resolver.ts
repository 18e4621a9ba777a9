import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { noteContactReads } from '../audit';
import { CandidateDataService } from './candidate-data.service';
import {
  EraseCandidateInput,
  EraseCandidatePayload,
  RenewCandidateConsentInput,
  RenewCandidateConsentPayload,
} from './graphql/privacy.type';
import { RetentionService } from './retention.service';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly data: CandidateDataService,
    private readonly retention: RetentionService,
  ) {}

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Query(() => String, { description: 'Everything held about a candidate, as one JSON document.' })
  async candidateDataExport(
    @CurrentActor() actor: Actor,
    @Context() context: object,
    @Args('candidateId', { type: () => ID }) candidateId: string,
  ): Promise<string> {
    const document = await this.data.export(actor, candidateId);
    noteContactReads(context, [candidateId]);
    return document;
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => EraseCandidatePayload)
  eraseCandidate(
    @CurrentActor() actor: Actor,
    @Args('input') input: EraseCandidateInput,
  ): Promise<EraseCandidatePayload> {
    return this.data.erase(actor, input.candidateId);
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => RenewCandidateConsentPayload, {
    description: `The candidate agreed to be kept on file: their retention date moves to RETENTION_MONTHS from now (or stays, if later).`,
  })
  renewCandidateConsent(
    @CurrentActor() actor: Actor,
    @Args('input') input: RenewCandidateConsentInput,
  ): Promise<RenewCandidateConsentPayload> {
    return this.retention.renewConsent(actor, input.candidateId);
  }
}
