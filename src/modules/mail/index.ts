export { MailApiModule, MailJobsModule } from './mail.module';
export { MailDelivery, MailDeliveryStatus } from './mail-delivery.entity';
export { MailDeliveries } from './mail-deliveries';
export { MailProcessor } from './mail.processor';
export { MailTransport, type OutgoingMail } from './mail-transport';
export { renderCandidateMail, renderNotificationMail, type CandidateMailKind } from './mail-templates';
