import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** What a template makes, plus the recipient. */
export interface OutgoingMail {
  to: { name: string; address: string };
  /** Who it is for, for the log: `user <id>` or `candidate <id>` (never the address). */
  recipientLabel: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invite (METHOD REQUEST or CANCEL), attached and offered as the calendar part. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/** A connection that does not answer within these fails the attempt (BullMQ retries it). */
const SMTP_TIMEOUT_MS = 15_000;

/**
 * Sends e-mail over pooled SMTP connections (SMTP_URL), or, without SMTP_URL, writes a line to the
 * log instead so the application runs with no mail server.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter | null;
  readonly from: { name: string; address: string };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    this.transporter = config.mail.smtpUrl
      ? createTransport({
          url: config.mail.smtpUrl,
          pool: true,
          maxConnections: config.mail.pool.maxConnections,
          maxMessages: config.mail.pool.maxMessages,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        })
      : null;
  }

  /** True when e-mail goes to an SMTP server, false when it is only logged. */
  get sends(): boolean {
    return this.transporter !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) {
      this.logger.log(`E-mail not sent (SMTP_URL is not set): "${mail.subject}" to ${mail.recipientLabel}`);
      return;
    }
    // The message is built in memory first and handed over whole: streamed part by part, each small
    // piece was a write on the socket of its own (a system call each, most of nodemailer's cost).
    const message = await new MailComposer({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // Both: calendar clients read the text/calendar alternative, people open the attached file.
      ...(mail.calendar
        ? {
            icalEvent: { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.content },
            attachments: [
              {
                filename: 'invite.ics',
                content: mail.calendar.content,
                contentType: `text/calendar; charset=utf-8; method=${mail.calendar.method}`,
              },
            ],
          }
        : {}),
    })
      .compile()
      .build();
    await this.transporter.sendMail({ envelope: { from: this.from.address, to: [mail.to.address] }, raw: message });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
