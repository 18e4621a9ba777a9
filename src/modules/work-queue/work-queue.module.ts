import { Module } from '@nestjs/common';
import { WorkItemResolver } from './work-item.resolver';
import { WorkQueueLoaders } from './work-queue.loaders';
import { WorkQueueResolver } from './work-queue.resolver';
import { WorkQueueService } from './work-queue.service';

@Module({
  providers: [WorkQueueService, WorkQueueResolver, WorkItemResolver, WorkQueueLoaders],
  exports: [WorkQueueService],
})
export class WorkQueueModule {}
