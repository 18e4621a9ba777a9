export { WebhookDelivery, WebhookSubscription } from './webhook.entities';
export { WebhookDeliveryStatus, WebhookEvent, wireEventType } from './webhook-events';
export { WebhooksService, type WebhookData } from './webhooks.service';
export { WebhooksApiModule, WebhooksJobsModule, WebhooksModule } from './webhooks.module';
