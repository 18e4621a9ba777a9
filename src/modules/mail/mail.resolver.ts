import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import { MailDeliveryType } from './graphql/mail-delivery.type';
import { MailDeliveries } from './mail-deliveries';
import { MailDeliveryStatus } from './mail-delivery.entity';

@Resolver(() => MailDeliveryType)
export class MailResolver {
  constructor(private readonly deliveries: MailDeliveries) {}

  @Roles(Role.ADMIN)
  @Query(() => [MailDeliveryType], {
    description:
      'Admins: the latest e-mail deliveries, most recently changed first (default 50). status DEAD lists the e-mails every attempt failed for.',
  })
  async mailDeliveries(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => MailDeliveryStatus, nullable: true, description: 'Only deliveries in this status.' })
    status?: MailDeliveryStatus,
    @Args('first', { type: () => Int, nullable: true, description: 'How many, 1 to 500 (default 50).' })
    first?: number,
  ): Promise<MailDeliveryType[]> {
    return (await this.deliveries.list(actor, status ?? null, first ?? 50)).map((delivery) =>
      MailDeliveryType.from(delivery),
    );
  }
}
