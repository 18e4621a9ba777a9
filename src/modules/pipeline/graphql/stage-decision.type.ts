import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { displayScore, RejectionReason, StageDecisionOutcome } from '../../../../libs/domain';
import type { StageDecision } from '../stage-decision.entity';

registerEnumType(StageDecisionOutcome, { name: 'StageDecisionOutcome' });

@ObjectType('StageDecision', { description: "The panel's recommendation for one stage visit, with its reasons." })
export class StageDecisionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) stageId!: string;
  @Field(() => StageDecisionOutcome) outcome!: StageDecisionOutcome;
  @Field(() => Float, {
    description:
      "Mean over the panel of each scorecard's weighted score, shown to 2 decimals (the decision used the exact mean).",
  })
  average!: number;
  @Field(() => [String]) reasons!: string[];
  @Field(() => RejectionReason, {
    nullable: true,
    description: 'The failing condition that names a FAILED outcome (SKILL_NOT_VERIFIED, STRONG_NO, BELOW_BAR).',
  })
  reasonCode!: RejectionReason | null;
  @Field({ description: 'True when the stage advances by itself (autoAdvance).' }) automatic!: boolean;
  @Field(() => Date, { nullable: true }) appliedAt!: Date | null;
  @Field() createdAt!: Date;

  static from(decision: StageDecision): StageDecisionType {
    return Object.assign(new StageDecisionType(), {
      id: decision.id,
      stageId: decision.stage.id,
      outcome: decision.outcome,
      average: displayScore(decision.average),
      reasons: decision.reasons,
      reasonCode: decision.reasonCode,
      automatic: decision.automatic,
      appliedAt: decision.appliedAt,
      createdAt: decision.createdAt,
    });
  }
}
