import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditEntryType } from './graphql/audit.type';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => [AuditEntryType], { description: 'Newest first; admins only.' })
  auditLog(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('before', { type: () => Date, nullable: true }) before?: Date,
    @Args('actorId', { type: () => ID, nullable: true }) actorId?: string,
    @Args('targetId', { type: () => ID, nullable: true }) targetId?: string,
    @Args('action', { type: () => String, nullable: true }) action?: string,
  ): Promise<AuditEntryType[]> {
    return this.audit.list(actor, { first, before, actorId, targetId, action });
  }
}
