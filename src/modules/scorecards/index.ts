export { Scorecard, ScorecardAmendment } from './scorecard.entity';
export { ApplicationSkillVerdict } from './skill-verdict.entity';
export { ScorecardsModule } from './scorecards.module';
