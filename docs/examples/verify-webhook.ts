import { Webhook } from 'standardwebhooks';

/**
 * Checks a delivery's signature and age, then returns its parsed body; throws when either is wrong.
 * `secret` is the `whsec_...` value createWebhookSubscription returned; `rawBody` must be the exact
 * bytes received (parse the JSON only after verifying).
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string>,
  rawBody: string,
): { type: string; timestamp: string; data: Record<string, unknown> } {
  const payload = new Webhook(secret).verify(rawBody, headers);
  return payload as { type: string; timestamp: string; data: Record<string, unknown> };
}
