import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { IdentityModule } from '../identity/identity.module';
import { ScorecardsModule } from '../scorecards/scorecards.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { InterviewsResolver } from './interviews.resolver';
import { SchedulingService } from './scheduling.service';

@Module({
  imports: [IdentityModule, CandidatesModule, ScorecardsModule],
  controllers: [CalendarFeedController],
  providers: [SchedulingService, InterviewsResolver],
  exports: [SchedulingService],
})
export class SchedulingModule {}
