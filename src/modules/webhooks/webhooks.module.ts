import { Module } from '@nestjs/common';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

@Module({ providers: [WebhooksService], exports: [WebhooksService] })
export class WebhooksModule {}

/** The API side: admins manage subscriptions and deliveries. */
@Module({ imports: [WebhooksModule], providers: [WebhooksResolver] })
export class WebhooksApiModule {}

/** The worker side: sending deliveries. */
@Module({ imports: [WebhooksModule], providers: [WebhookDeliveryProcessor] })
export class WebhooksJobsModule {}
