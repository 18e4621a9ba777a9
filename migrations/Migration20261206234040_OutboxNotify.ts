import { Migration } from '@mikro-orm/migrations';

/** Wakes the outbox relay when a transaction that wrote outbox rows commits (NOTIFY is sent at commit). */
export class Migration20261206234040_OutboxNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function outbox_message_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('outbox_message', '');
        return null;
      end $$;`);
    this.addSql(`create trigger outbox_message_notify after insert on outbox_message
      for each statement execute function outbox_message_notify();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "outbox_message_notify" on "outbox_message";`);
    this.addSql(`drop function outbox_message_notify();`);
  }
}
