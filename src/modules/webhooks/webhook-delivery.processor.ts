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
import { deliveryJobId, WEBHOOK_RETRY_WINDOW_MS, webhookBackoffMs } from './webhooks.service';

/** An endpoint gets this long to answer; a slow one fails the attempt, it does not hold the queue. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One attempt at one delivery, signed per Standard Webhooks. The row is locked for the attempt, so
 * a job delivered twice (or run by two workers) sends once. A failure schedules the next attempt
 * (exponential backoff, through the outbox) until 24 hours have passed, then the delivery is FAILED.
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
      const next = new Date(Date.now() + webhookBackoffMs(delivery.attempts));
      if (next.getTime() - delivery.createdAt.getTime() > WEBHOOK_RETRY_WINDOW_MS) {
        delivery.status = WebhookDeliveryStatus.FAILED;
        delivery.nextAttemptAt = null;
        this.logger.warn(`Webhook delivery ${delivery.id} failed for 24 hours: dead letter (${delivery.lastError})`);
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
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
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
