import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity';
import { WebhookDeliveryStatus, WebhookEvent } from './webhook-events';

/** An admin's endpoint that receives the chosen events, signed per Standard Webhooks. */
@Entity()
export class WebhookSubscription extends BaseEntity<'active'> {
  @Property({ type: 'text' }) url: string;
  @Property({ type: 'text[]' }) events: WebhookEvent[];
  /** The `whsec_...` signing secret; shown once, at creation. */
  @Property({ type: 'text', lazy: true }) secret: string;
  @Property({ type: 'boolean' }) active: boolean = true;

  constructor(input: { url: string; events: WebhookEvent[]; secret: string }) {
    super();
    this.url = input.url;
    this.events = input.events;
    this.secret = input.secret;
  }
}

/**
 * One event for one subscription. Its id is the `webhook-id` (receivers deduplicate on it); the
 * (subscription, eventKey) pair makes recording an event twice a no-op. The payload holds ids and
 * states only.
 */
@Entity()
@Unique({ properties: ['subscription', 'eventKey'] })
@Index({ properties: ['status', 'createdAt'] })
export class WebhookDelivery extends BaseEntity<'status' | 'attempts' | 'lastError' | 'deliveredAt' | 'nextAttemptAt'> {
  @ManyToOne(() => WebhookSubscription, { deleteRule: 'cascade' }) subscription: Rel<WebhookSubscription>;
  @Enum({ items: () => WebhookEvent, nativeEnumName: 'webhook_event' }) event: WebhookEvent;
  @Property({ type: 'text' }) eventKey: string;
  @Property({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;
  @Property({ type: 'int' }) attempts: number = 0;
  @Property({ type: 'text', nullable: true }) lastError: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null = null;
  /** When the next attempt is due (null once delivered or dead). */
  @Property({ type: 'timestamptz', nullable: true }) nextAttemptAt: Date | null = null;

  constructor(input: {
    subscription: WebhookSubscription;
    event: WebhookEvent;
    eventKey: string;
    payload: Record<string, unknown>;
  }) {
    super();
    this.subscription = input.subscription;
    this.event = input.event;
    this.eventKey = input.eventKey;
    this.payload = input.payload;
  }
}
