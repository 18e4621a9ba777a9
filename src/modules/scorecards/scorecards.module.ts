import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ScorecardsResolver } from './scorecards.resolver';
import { ScorecardsService } from './scorecards.service';
import { SkillVerificationService } from './skill-verification.service';
import { StageDecisionService } from './stage-decision.service';

@Module({
  imports: [IdentityModule, NotificationsModule],
  providers: [ScorecardsService, SkillVerificationService, StageDecisionService, ScorecardsResolver],
  exports: [ScorecardsService, SkillVerificationService, StageDecisionService],
})
export class ScorecardsModule {}
