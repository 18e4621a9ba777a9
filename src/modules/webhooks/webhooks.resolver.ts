import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/auth.decorators';
import {
  CreateWebhookSubscriptionInput,
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionInput,
  DeleteWebhookSubscriptionPayload,
  ReplayWebhookDeliveryInput,
  WebhookDeliveryPayload,
  WebhookDeliveryType,
  WebhookSubscriptionType,
} from './graphql/webhook.types';
import { WebhookDeliveryStatus } from './webhook-events';
import { WebhooksService } from './webhooks.service';

/** Admins manage outbound webhooks (Standard Webhooks). */
@Resolver(() => WebhookSubscriptionType)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Roles(Role.ADMIN)
  @Query(() => [WebhookSubscriptionType], { description: 'Admins: every webhook subscription.' })
  async webhookSubscriptions(@CurrentActor() actor: Actor): Promise<WebhookSubscriptionType[]> {
    return (await this.webhooks.list(actor)).map((subscription) => WebhookSubscriptionType.from(subscription));
  }

  @Roles(Role.ADMIN)
  @Query(() => [WebhookDeliveryType], { description: 'Admins: the latest deliveries, newest first (default 50).' })
  async webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => WebhookDeliveryStatus, nullable: true }) status?: WebhookDeliveryStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<WebhookDeliveryType[]> {
    return (await this.webhooks.deliveries(actor, status ?? null, first ?? 50)).map((delivery) =>
      WebhookDeliveryType.from(delivery),
    );
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CreateWebhookSubscriptionPayload)
  async createWebhookSubscription(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWebhookSubscriptionInput,
  ): Promise<CreateWebhookSubscriptionPayload> {
    const { subscription, secret } = await this.webhooks.create(actor, input.url, input.events);
    return { subscription: WebhookSubscriptionType.from(subscription), secret };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => DeleteWebhookSubscriptionPayload)
  async deleteWebhookSubscription(
    @CurrentActor() actor: Actor,
    @Args('input') input: DeleteWebhookSubscriptionInput,
  ): Promise<DeleteWebhookSubscriptionPayload> {
    return { subscriptionId: await this.webhooks.delete(actor, input.subscriptionId) };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WebhookDeliveryPayload)
  async replayWebhookDelivery(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReplayWebhookDeliveryInput,
  ): Promise<WebhookDeliveryPayload> {
    return { delivery: WebhookDeliveryType.from(await this.webhooks.replay(actor, input.deliveryId)) };
  }
}
