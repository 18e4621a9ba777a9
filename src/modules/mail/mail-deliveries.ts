import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, MikroORM } from '@mikro-orm/postgresql';
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
   * Sends the mail `compose` makes, unless one with this key was sent already. The delivery row is
   * locked (FOR UPDATE) while the mail goes out, so a second run of the same job, in this worker or
   * another, waits and then finds it sent. `compose` returns null when there is nothing to send
   * (the subject is gone or changed). A failed attempt is recorded (RETRYING, or DEAD on the job's
   * last attempt) and rethrown so BullMQ retries it with backoff.
   */
  async deliverOnce(
    job: Job,
    identity: MailIdentity,
    compose: (em: EntityManager) => Promise<OutgoingMail | null>,
  ): Promise<MailDeliveryStatus | null> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.orm.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into mail_delivery (id, created_at, updated_at, key, job_name, recipient_type, recipient_id, status, attempts)
         values (?, now(), now(), ?, ?, ?, ?, ?, 0) on conflict (key) do nothing`,
        [
          randomUUID(),
          identity.key,
          job.name,
          identity.recipientType,
          identity.recipientId,
          MailDeliveryStatus.RETRYING,
        ],
      );
      const delivery = await em.findOneOrFail(
        MailDelivery,
        { key: identity.key },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (delivery.status === MailDeliveryStatus.SENT || delivery.status === MailDeliveryStatus.LOGGED) {
        return { status: null, error: null };
      }
      const mail = await compose(em);
      if (!mail) {
        if (delivery.attempts === 0) em.remove(delivery);
        return { status: null, error: null };
      }
      delivery.attempts += 1;
      try {
        await this.transport.send(mail);
      } catch (error) {
        delivery.status = lastAttempt ? MailDeliveryStatus.DEAD : MailDeliveryStatus.RETRYING;
        delivery.lastError = withoutAddresses((error as Error).message || String(error));
        return { status: delivery.status, error: error as Error };
      }
      delivery.status = this.transport.sends ? MailDeliveryStatus.SENT : MailDeliveryStatus.LOGGED;
      delivery.sentAt = new Date();
      delivery.lastError = null;
      return { status: delivery.status, error: null };
    });
    if (outcome.error) throw outcome.error;
    return outcome.status;
  }

  /** Admins: the latest deliveries, newest change first, optionally of one status (DEAD: the dead letters). */
  async list(actor: Actor, status: MailDeliveryStatus | null, first: number): Promise<MailDelivery[]> {
    await this.access.require(actor, Permission.MailDeliveryRead);
    if (first < 1 || first > 500)
      throw new BadUserInputException('Ask for 1 to 500 deliveries.', { first: 'must be 1 to 500' });
    return this.em.find(MailDelivery, status ? { status } : {}, { orderBy: { updatedAt: 'desc' }, limit: first });
  }
}
