import { operation } from './operation';

export interface WebhookDeliveryFields {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  subscription: { id: string; url: string };
}

const DELIVERY_FIELDS = 'id event status attempts lastError deliveredAt subscription { id url }';

export const CREATE_WEBHOOK_SUBSCRIPTION = operation<
  { createWebhookSubscription: { secret: string; subscription: { id: string; url: string; events: string[] } } },
  { input: { url: string; events: string[] } }
>(`mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id url events } }
}`);

export const WEBHOOK_DELIVERIES = operation<
  { webhookDeliveries: WebhookDeliveryFields[] },
  { status?: string | null; first?: number }
>(`query WebhookDeliveries($status: WebhookDeliveryStatus, $first: Int) {
  webhookDeliveries(status: $status, first: $first) { ${DELIVERY_FIELDS} }
}`);

export const REPLAY_WEBHOOK_DELIVERY = operation<
  { replayWebhookDelivery: { delivery: WebhookDeliveryFields } },
  { input: { deliveryId: string } }
>(`mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {
  replayWebhookDelivery(input: $input) { delivery { ${DELIVERY_FIELDS} } }
}`);
