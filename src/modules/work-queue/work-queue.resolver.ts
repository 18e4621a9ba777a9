import { Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { WorkQueueService } from './work-queue.service';
import { WorkQueueType } from './work-queue.types';

@Resolver(() => WorkQueueType)
export class WorkQueueResolver {
  constructor(private readonly workQueue: WorkQueueService) {}

  @Roles(...ALL_ROLES)
  @Query(() => WorkQueueType, {
    description:
      'What waits for you on the positions you recruit for or manage, oldest first (docs/domain.md#work-queue).',
  })
  myWorkQueue(@CurrentActor() actor: Actor): Promise<WorkQueueType> {
    return this.workQueue.forActor(actor);
  }
}
