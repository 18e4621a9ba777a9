export { WebhookDelivery, WebhookSubscription } from './webhook.entities';
export {
  WebhookDeliveryStatus,
  WebhookEvent,
  wireEventType,
  type ApplicationEventData,
  type InterviewEventData,
  type ScorecardEventData,
  type StageDecisionEventData,
  type WebhookEventData,
} from './webhook-events';
export { WebhooksService, type WebhookData } from './webhooks.service';
export { WebhooksApiModule, WebhooksJobsModule, WebhooksModule } from './webhooks.module';
export { WebhookDeliveryProcessor } from './webhook-delivery.processor';
