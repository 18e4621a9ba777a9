import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling';
import { WorkItemResolver } from './work-item.resolver';
import { WorkQueueLoaders } from './work-queue.loaders';
import { WorkQueueResolver } from './work-queue.resolver';
import { WorkQueueService } from './work-queue.service';

@Module({
  imports: [SchedulingModule],
  providers: [WorkQueueService, WorkQueueResolver, WorkItemResolver, WorkQueueLoaders],
  exports: [WorkQueueService],
})
export class WorkQueueModule {}
