import { Module } from '@nestjs/common';
import { MailDeliveries } from './mail-deliveries';
import { MailProcessor } from './mail.processor';
import { MailResolver } from './mail.resolver';
import { MailTransport } from './mail-transport';

/** The API side: admins read e-mail deliveries (failed ones included). */
@Module({ providers: [MailTransport, MailDeliveries, MailResolver] })
export class MailApiModule {}

/** The worker side: the processor that sends e-mail over SMTP (or logs it without SMTP_URL). */
@Module({ providers: [MailTransport, MailDeliveries, MailProcessor] })
export class MailJobsModule {}
