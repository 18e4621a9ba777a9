import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { WebhookDeliveryStatus, WebhookEvent } from '../webhook-events';
import type { WebhookDelivery, WebhookSubscription } from '../webhook.entities';

registerEnumType(WebhookEvent, { name: 'WebhookEvent' });
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  valuesMap: {
    PENDING: { description: 'Not delivered yet; retried with exponential backoff for 24 hours.' },
    FAILED: { description: 'Dead letter: every attempt for 24 hours failed. An admin may replay it.' },
  },
});

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionType {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [WebhookEvent]) events!: WebhookEvent[];
  @Field() active!: boolean;
  @Field() createdAt!: Date;

  static from(subscription: WebhookSubscription): WebhookSubscriptionType {
    return Object.assign(new WebhookSubscriptionType(), {
      id: subscription.id,
      url: subscription.url,
      events: subscription.events,
      active: subscription.active,
      createdAt: subscription.createdAt,
    });
  }
}

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field() @IsString() @MaxLength(2000) url!: string;
  @Field(() => [WebhookEvent])
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one event' })
  @ArrayMaxSize(20)
  @IsEnum(WebhookEvent, { each: true })
  events!: WebhookEvent[];
}

@ObjectType('CreateWebhookSubscriptionPayload')
export class CreateWebhookSubscriptionPayload {
  @Field(() => WebhookSubscriptionType) subscription!: WebhookSubscriptionType;
  @Field({ description: 'The signing secret (whsec_...), shown only in this answer.' }) secret!: string;
}

@InputType()
export class DeleteWebhookSubscriptionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a webhook subscription id' }) subscriptionId!: string;
}

@ObjectType('DeleteWebhookSubscriptionPayload')
export class DeleteWebhookSubscriptionPayload {
  @Field(() => ID) subscriptionId!: string;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => WebhookSubscriptionType) subscription!: WebhookSubscriptionType;
  @Field(() => WebhookEvent) event!: WebhookEvent;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;

  static from(delivery: WebhookDelivery): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: delivery.id,
      subscription: WebhookSubscriptionType.from(delivery.subscription),
      event: delivery.event,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
    });
  }
}

@InputType()
export class ReplayWebhookDeliveryInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a webhook delivery id' }) deliveryId!: string;
}

@ObjectType('WebhookDeliveryPayload')
export class WebhookDeliveryPayload {
  @Field(() => WebhookDeliveryType) delivery!: WebhookDeliveryType;
}
