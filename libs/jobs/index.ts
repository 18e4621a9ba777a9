export * from './job-names';
export * from './job-outbox';
export * from './outbox-message.entity';
export * from './outbox-relay';
export * from './jobs.module';
export * from './queue-processor';
export * from './job-registry';
