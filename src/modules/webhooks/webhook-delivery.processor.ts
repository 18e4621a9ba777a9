import { Inject, Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import { Webhook } from 'standardwebhooks';
import { enqueueJob, QueueName, QueueProcessor, type JobPayloads } from '../../../libs/jobs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WebhookDeliveryStatus, wireEventType } from './webhook-events';
import { WebhookDelivery } from './webhook.entities';
import { webhookUrlProblem } from './webhook-url';
import { deliveryJobId, webhookBackoffMs } from './webhooks.service';

/**
 * One attempt at one delivery, signed per Standard Webhooks. The row is locked for the attempt, so
 * a job delivered twice (or run by two workers) sends once. A failure schedules the next attempt
 * (exponential backoff, through the outbox) until the retry window (WEBHOOK_RETRY_WINDOW, 24 h) has
 * passed, then the delivery is FAILED. Deliveries run on their own queue with their own concurrency
 * (WEBHOOK_CONCURRENCY) and every request times out (WEBHOOK_TIMEOUT), so a slow or dead endpoint
 * holds at most that many of this queue's slots, never another queue's jobs.
 */
@Processor(QueueName.WEBHOOKS, { autorun: false })
export class WebhookDeliveryProcessor extends QueueProcessor {
  readonly jobNames = ['webhooks.deliver'] as const;
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);

  constructor(
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    this.worker.concurrency = this.config.webhooks.concurrency;
  }

  async process(job: Job<JobPayloads['webhooks.deliver']>): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const delivery = await em.findOne(WebhookDelivery, job.data.deliveryId, {
        populate: ['subscription', 'subscription.secret'],
        lockMode: LockMode.PESSIMISTIC_WRITE,
      });
      if (!delivery || delivery.status !== WebhookDeliveryStatus.PENDING) return;
      if (delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > Date.now() + 1000) return;
      const error = await this.send(delivery);
      delivery.attempts += 1;
      if (error === null) {
        delivery.status = WebhookDeliveryStatus.DELIVERED;
        delivery.deliveredAt = new Date();
        delivery.nextAttemptAt = null;
        delivery.lastError = null;
        return;
      }
      delivery.lastError = error.slice(0, 500);
      const { backoffBaseMs, backoffMaxMs, retryWindowMs } = this.config.webhooks;
      const next = new Date(Date.now() + webhookBackoffMs(delivery.attempts, backoffBaseMs, backoffMaxMs));
      if (next.getTime() - delivery.createdAt.getTime() > retryWindowMs) {
        delivery.status = WebhookDeliveryStatus.FAILED;
        delivery.nextAttemptAt = null;
        this.logger.warn(
          `Webhook delivery ${delivery.id} failed for its whole retry window after ${delivery.attempts} attempts: dead letter (${delivery.lastError})`,
        );
        return;
      }
      delivery.nextAttemptAt = next;
      enqueueJob(
        em,
        'webhooks.deliver',
        { deliveryId: delivery.id },
        { jobId: deliveryJobId(delivery, delivery.attempts), runAt: next },
      );
    });
  }

  /** null when the endpoint answered 2xx, otherwise why not. */
  private async send(delivery: WebhookDelivery): Promise<string | null> {
    const subscription = delivery.subscription;
    if (!subscription.active) return 'subscription inactive';
    const problem = await webhookUrlProblem(subscription.url, this.config.jobs.webhookAllowPrivateNetworks);
    if (problem) return `URL refused: ${problem}`;
    const timestamp = new Date();
    const body = JSON.stringify({
      type: wireEventType(delivery.event),
      timestamp: delivery.createdAt.toISOString(),
      data: delivery.payload,
    });
    const signature = new Webhook(subscription.secret).sign(delivery.id, timestamp, body);
    try {
      const response = await fetch(subscription.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
      });
      await response.body?.cancel();
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
