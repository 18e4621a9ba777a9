import { Args, Context, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ALL_ROLES, Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { NotFoundException } from '../../common/errors/domain.exception';
import { selectsAnyBelow } from '../../graphql/selection';
import { CandidatesService } from './candidates.service';
import {
  CandidateConnection,
  CandidatePayload,
  CandidateType,
  CreateCandidateInput,
  ImportCandidatesInput,
  ImportCandidatesPayload,
  UpdateCandidateInput,
} from './graphql/candidate.type';

@Resolver(() => CandidateType)
export class CandidatesResolver {
  constructor(private readonly candidates: CandidatesService) {}

  @Roles(...ALL_ROLES)
  @Query(() => CandidateType, { nullable: true })
  async candidate(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Context() context: object,
  ): Promise<CandidateType | null> {
    try {
      return await this.candidates.get(actor, id, context);
    } catch (error) {
      if (error instanceof NotFoundException) return null;
      throw error;
    }
  }

  @Roles(...ALL_ROLES)
  @Query(() => CandidateConnection, {
    name: 'candidates',
    description: 'Candidates the caller may see, newest first; search matches name or email.',
  })
  searchCandidates(
    @CurrentActor() actor: Actor,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('search', { nullable: true }) search?: string,
  ) {
    // The count is a statement of its own: run it only for a query that shows it.
    const count = selectsAnyBelow(info, ['totalCount', 'totalCountCapped']);
    return this.candidates.search(actor, { first, after, search, count }, context);
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => CandidatePayload)
  async createCandidate(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateCandidateInput,
  ): Promise<CandidatePayload> {
    return { candidate: CandidateType.from(await this.candidates.create(actor, input), true) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => CandidatePayload, {
    description:
      'Corrects a candidate: name, e-mail (unique as on creation), phone, notes, tags, source. Recruiters and admins.',
  })
  async updateCandidate(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The candidate, the version you loaded and the fields to change.' })
    input: UpdateCandidateInput,
  ): Promise<CandidatePayload> {
    return { candidate: CandidateType.from(await this.candidates.update(actor, input), true) };
  }

  @Roles(Role.ADMIN, Role.RECRUITER)
  @Mutation(() => ImportCandidatesPayload, {
    description: 'Imports the valid rows of a CSV file and lists the invalid ones by line.',
  })
  async importCandidates(
    @CurrentActor() actor: Actor,
    @Args('input') input: ImportCandidatesInput,
  ): Promise<ImportCandidatesPayload> {
    const result = await this.candidates.importCsv(actor, input.csv);
    // Only recruiters and admins import, and they see every candidate's contact details.
    return {
      ...result,
      candidates: result.candidates.map((candidate) => CandidateType.from(candidate, true)),
    };
  }
}
