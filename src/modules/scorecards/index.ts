export { Scorecard, ScorecardAmendment } from './scorecard.entity';
export { ApplicationSkillVerdict } from './skill-verdict.entity';
export { ScorecardsModule } from './scorecards.module';
export { ScorecardsService, type ScorecardContent } from './scorecards.service';
export { StageDecisionService } from './stage-decision.service';
