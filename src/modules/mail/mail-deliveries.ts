import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Job } from 'bullmq';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { MailDelivery, MailDeliveryStatus } from './mail-delivery.entity';
import { MailTransport, type OutgoingMail } from './mail-transport';

export interface MailIdentity {
  /** Unique per e-mail: the same key is sent at most once. */
  key: string;
  recipientType: 'user' | 'candidate';
  recipientId: string;
}

/** SMTP errors may quote the recipient; the record keeps no address. */
function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>').slice(0, 1000);
}

/** Sends each e-mail once, records the outcome, and lists deliveries for admins. */
@Injectable()
export class MailDeliveries {
  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly transport: MailTransport,
    private readonly access: AccessService,
  ) {}

  /**
   * Sends the mail `compose` makes, unless one with this key was sent already (see deliverMany).
   * Returns the outcome; a failed attempt is recorded and rethrown so BullMQ retries it.
   */
  async deliverOnce(
    job: Job,
    identity: MailIdentity,
    compose: (em: EntityManager) => Promise<OutgoingMail | null>,
  ): Promise<MailDeliveryStatus | null> {
    const [outcome] = await this.deliverMany([{ job, identity }], async (em) => [await compose(em)]);
    if (outcome!.error) throw outcome!.error;
    return outcome!.status;
  }

  /**
   * Sends each entry's mail unless one with its key was sent already, in one transaction. Every
   * delivery row is locked (FOR UPDATE, in key order) while the mails go out, so a second run of
   * the same job, in this worker or another, waits and then finds it sent. `compose` gets the
   * indexes of the entries still to send and returns their mails in that order, read in the
   * transaction after the locks; null means nothing to send (the subject is gone or changed). The
   * mails are sent at once over the transport's pooled connections. A failed attempt is recorded
   * (RETRYING, or DEAD on its job's last attempt) and returned as that entry's error; the others
   * are unaffected. Of two entries with one key the first sends, the second has nothing to do.
   */
  async deliverMany(
    entries: ReadonlyArray<{ job: Job; identity: MailIdentity }>,
    compose: (em: EntityManager, indexes: number[]) => Promise<Array<OutgoingMail | null>>,
  ): Promise<Array<{ status: MailDeliveryStatus | null; error: Error | null }>> {
    const outcomes = entries.map(() => ({ status: null as MailDeliveryStatus | null, error: null as Error | null }));
    if (!entries.length) return outcomes;
    const first = new Map<string, number>();
    entries.forEach((entry, index) => {
      if (!first.has(entry.identity.key)) first.set(entry.identity.key, index);
    });
    const keys = [...first.keys()].sort();
    await this.orm.em.fork().transactional(async (em) => {
      const rows = keys.map((key) => {
        const { job, identity } = entries[first.get(key)!]!;
        return {
          id: randomUUID(),
          key,
          job_name: job.name,
          recipient_type: identity.recipientType,
          recipient_id: identity.recipientId,
        };
      });
      await em.execute(
        `insert into mail_delivery (id, created_at, updated_at, key, job_name, recipient_type, recipient_id, status, attempts)
         select r.id, now(), now(), r.key, r.job_name, r.recipient_type, r.recipient_id, ?::mail_delivery_status, 0
           from jsonb_to_recordset(?::jsonb) as r(id uuid, key text, job_name text, recipient_type text, recipient_id uuid)
          order by r.key
         on conflict (key) do nothing`,
        [MailDeliveryStatus.RETRYING, JSON.stringify(rows)],
      );
      // Plain rows, not entities: a batch is read, locked and written back with one statement each.
      const deliveries = await em.execute<
        Array<{ id: string; key: string; status: MailDeliveryStatus; attempts: number }>
      >(`select id, key, status, attempts from mail_delivery where key in (?) order by key for update`, [keys]);
      const open = deliveries.filter(
        (delivery) => delivery.status !== MailDeliveryStatus.SENT && delivery.status !== MailDeliveryStatus.LOGGED,
      );
      const indexes = open.map((delivery) => first.get(delivery.key)!);
      const mails = await compose(em, indexes);
      const unsent: string[] = [];
      const updates: Array<{
        id: string;
        status: MailDeliveryStatus;
        sent_at: string | null;
        last_error: string | null;
      }> = [];
      await Promise.all(
        open.map(async (delivery, position) => {
          const index = indexes[position]!;
          const mail = mails[position];
          if (!mail) {
            // Nothing to send (the subject is gone or changed): a row never tried is not kept.
            if (delivery.attempts === 0) unsent.push(delivery.id);
            return;
          }
          const job = entries[index]!.job;
          const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          try {
            await this.transport.send(mail);
          } catch (error) {
            const status = lastAttempt ? MailDeliveryStatus.DEAD : MailDeliveryStatus.RETRYING;
            updates.push({
              id: delivery.id,
              status,
              sent_at: null,
              last_error: withoutAddresses((error as Error).message || String(error)),
            });
            outcomes[index] = { status, error: error as Error };
            return;
          }
          const status = this.transport.sends ? MailDeliveryStatus.SENT : MailDeliveryStatus.LOGGED;
          updates.push({ id: delivery.id, status, sent_at: new Date().toISOString(), last_error: null });
          outcomes[index] = { status, error: null };
        }),
      );
      if (unsent.length) await em.execute(`delete from mail_delivery where id in (?)`, [unsent]);
      if (updates.length) {
        await em.execute(
          `update mail_delivery d
              set status = r.status::mail_delivery_status, attempts = d.attempts + 1, last_error = r.last_error,
                  sent_at = coalesce(r.sent_at, d.sent_at), updated_at = clock_timestamp()
             from jsonb_to_recordset(?::jsonb) as r(id uuid, status text, sent_at timestamptz, last_error text)
            where d.id = r.id`,
          [JSON.stringify(updates)],
        );
      }
    });
    return outcomes;
  }

  /** Admins: the latest deliveries, newest change first, optionally of one status (DEAD: the dead letters). */
  async list(actor: Actor, status: MailDeliveryStatus | null, first: number): Promise<MailDelivery[]> {
    await this.access.require(actor, Permission.MailDeliveryRead);
    if (first < 1 || first > 500)
      throw new BadUserInputException('Ask for 1 to 500 deliveries.', { first: 'must be 1 to 500' });
    return this.em.find(MailDelivery, status ? { status } : {}, { orderBy: { updatedAt: 'desc' }, limit: first });
  }
}
