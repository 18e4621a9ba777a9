import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { enqueueJob } from '../../../libs/jobs';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, NotFoundException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccessService, Permission } from '../access';
import { WebhookDeliveryStatus, type WebhookEvent, type WebhookEventData } from './webhook-events';
import { WebhookDelivery, WebhookSubscription } from './webhook.entities';
import { webhookUrlProblem } from './webhook-url';

/**
 * Delay before attempt `n + 1` after `n` failures: the base (WEBHOOK_BACKOFF_BASE, 30 s) doubling,
 * at most WEBHOOK_BACKOFF_MAX (2 h).
 */
export function webhookBackoffMs(failures: number, baseMs = 30_000, maxMs = 7_200_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), maxMs);
}

/** The data of an event: ids and states, never contact details or scorecard text. */
export type WebhookData = Record<string, string | number | boolean | null | string[]>;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    actor: Actor,
    url: string,
    events: WebhookEvent[],
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    await this.access.require(actor, Permission.WebhookManage);
    const problem = await webhookUrlProblem(url.trim(), this.config.jobs.webhookAllowPrivateNetworks);
    if (problem) throw new BadUserInputException(`The webhook URL ${problem}.`, { url: problem });
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const subscription = new WebhookSubscription({ url: url.trim(), events: [...new Set(events)], secret });
    await this.em.persist(subscription).flush();
    return { subscription, secret };
  }

  async delete(actor: Actor, id: string): Promise<string> {
    await this.access.require(actor, Permission.WebhookManage);
    const subscription = await this.em.findOne(WebhookSubscription, id);
    if (!subscription) throw new NotFoundException('Webhook subscription', id);
    await this.em.remove(subscription).flush();
    return id;
  }

  async list(actor: Actor): Promise<WebhookSubscription[]> {
    await this.access.require(actor, Permission.WebhookManage);
    return this.em.find(WebhookSubscription, {}, { orderBy: { createdAt: 'asc' } });
  }

  async deliveries(actor: Actor, status: WebhookDeliveryStatus | null, first: number): Promise<WebhookDelivery[]> {
    await this.access.require(actor, Permission.WebhookManage);
    if (first < 1 || first > 500)
      throw new BadUserInputException('Ask for 1 to 500 deliveries.', { first: 'must be 1 to 500' });
    return this.em.find(WebhookDelivery, status ? { status } : {}, {
      orderBy: { createdAt: 'desc' },
      limit: first,
      populate: ['subscription'],
    });
  }

  /** Sends a delivery again from its first attempt: a FAILED (dead) one gets another retry window. */
  async replay(actor: Actor, id: string): Promise<WebhookDelivery> {
    await this.access.require(actor, Permission.WebhookManage);
    return this.em.transactional(async (em) => {
      const delivery = await em.findOne(WebhookDelivery, id, { populate: ['subscription'] });
      if (!delivery) throw new NotFoundException('Webhook delivery', id);
      delivery.status = WebhookDeliveryStatus.PENDING;
      delivery.attempts = 0;
      delivery.lastError = null;
      delivery.deliveredAt = null;
      delivery.nextAttemptAt = new Date();
      delivery.createdAt = new Date();
      enqueueJob(em, 'webhooks.deliver', { deliveryId: delivery.id }, { jobId: deliveryJobId(delivery, 'replay') });
      await em.flush();
      return delivery;
    });
  }

  /**
   * Records an event for every active subscription that asked for it, in the caller's unit of
   * work; the deliveries are sent after it commits. The same `key` twice records nothing more.
   */
  async emit<Event extends WebhookEvent>(
    em: EntityManager,
    event: Event,
    key: string,
    data: WebhookEventData[Event],
  ): Promise<void> {
    const subscriptions = await em.find(WebhookSubscription, { active: true, events: { $contains: [event] } });
    for (const subscription of subscriptions) {
      if (await em.findOne(WebhookDelivery, { subscription, eventKey: key })) continue;
      const delivery = new WebhookDelivery({
        subscription,
        event,
        eventKey: key,
        payload: { ...data },
      });
      delivery.nextAttemptAt = new Date();
      em.persist(delivery);
      enqueueJob(em, 'webhooks.deliver', { deliveryId: delivery.id }, { jobId: deliveryJobId(delivery, 0) });
    }
  }
}

/** One job id per attempt, so a retry is a new delayed job and a duplicate of one attempt is not. */
export function deliveryJobId(delivery: WebhookDelivery, attempt: number | string): string {
  return `webhook.${delivery.id}.${attempt}.${delivery.createdAt.getTime()}`;
}
