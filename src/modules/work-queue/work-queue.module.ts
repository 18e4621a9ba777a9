import { Module } from '@nestjs/common';
import { WorkQueueResolver } from './work-queue.resolver';
import { WorkQueueService } from './work-queue.service';

@Module({ providers: [WorkQueueService, WorkQueueResolver], exports: [WorkQueueService] })
export class WorkQueueModule {}
