export * from './work-definitions';
export { WorkQueueModule } from './work-queue.module';
export { WorkQueueService } from './work-queue.service';
