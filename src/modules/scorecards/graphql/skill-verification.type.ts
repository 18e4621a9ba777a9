import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SkillPriority, SkillVerdict } from '../../../../libs/domain';
import { SkillType } from '../../catalog';
import { UserType } from '../../identity';

registerEnumType(SkillVerdict, { name: 'SkillVerdict' });

@ObjectType('SkillVerdictEvidence', {
  description: 'One verdict from a submitted scorecard, in the trail behind a skill verification.',
})
export class SkillVerdictEvidenceType {
  @Field(() => SkillVerdict) verdict!: SkillVerdict;
  @Field() stageName!: string;
  @Field(() => UserType, { nullable: true }) interviewer!: UserType | null;
  @Field(() => String, { nullable: true }) evidence!: string | null;
  @Field() recordedAt!: Date;
}

@ObjectType('SkillVerification')
export class SkillVerificationType {
  @Field(() => SkillType) skill!: SkillType;
  @Field(() => SkillPriority) priority!: SkillPriority;
  @Field(() => SkillVerdict) verdict!: SkillVerdict;
  @Field(() => [SkillVerdictEvidenceType], { description: 'The verdicts it was derived from, oldest first.' })
  evidence!: SkillVerdictEvidenceType[];
}
