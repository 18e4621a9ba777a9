import { WebhookEvent, wireEventType } from '../webhook-events';
import { webhookBackoffMs } from '../webhooks.service';

describe('webhook retries', () => {
  it('wait the base after the first failure, then twice as long each time, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((failures) => webhookBackoffMs(failures))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_200_000,
    ]);
    expect([1, 2, 3, 4, 5].map((failures) => webhookBackoffMs(failures, 200, 1000))).toEqual([
      200, 400, 800, 1000, 1000,
    ]);
  });

  it('name events on the wire in lower case with a dot after the subject', () => {
    expect(wireEventType(WebhookEvent.APPLICATION_STAGE_CHANGED)).toBe('application.stage_changed');
    expect(wireEventType(WebhookEvent.STAGE_DECISION_READY)).toBe('stage.decision_ready');
    expect(wireEventType(WebhookEvent.SLA_BREACHED)).toBe('sla.breached');
  });
});
