import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { NotificationsModule } from '../notifications';
import { PipelineModule } from '../pipeline';
import { SchedulingModule } from '../scheduling';
import { WebhooksModule } from '../webhooks';
import { ApplicationSkillVerificationsResolver } from './application-skill-verifications.resolver';
import { InterviewScorecardsResolver } from './interview-scorecards.resolver';
import { ScorecardHooks } from './scorecard-hooks';
import { ScorecardsLoaders } from './scorecards.loaders';
import { ScorecardsResolver } from './scorecards.resolver';
import { ScorecardsService } from './scorecards.service';
import { SkillVerificationService } from './skill-verification.service';
import { StageDecisionService } from './stage-decision.service';

@Module({
  imports: [NotificationsModule, CatalogModule, PipelineModule, SchedulingModule, WebhooksModule],
  providers: [
    ScorecardsService,
    SkillVerificationService,
    StageDecisionService,
    ScorecardHooks,
    ScorecardsLoaders,
    ScorecardsResolver,
    InterviewScorecardsResolver,
    ApplicationSkillVerificationsResolver,
  ],
})
export class ScorecardsModule {}
