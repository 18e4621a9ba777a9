import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CompanyProfile, ExperienceLevel, PositionStatus } from '../../../../libs/domain';
import { CandidateQuestionType, InterviewPlanType, PlanStageType, SkillRequirementType } from '../../catalog';
import { UserType } from '../../identity';
import type { Position } from '../position.entity';
import type { PositionRow } from '../positions.service';

registerEnumType(PositionStatus, { name: 'PositionStatus' });

@ObjectType('Position')
export class PositionType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ExperienceLevel) level!: ExperienceLevel;
  @Field(() => CompanyProfile) companyProfile!: CompanyProfile;
  @Field(() => PositionStatus) status!: PositionStatus;
  @Field(() => UserType) hiringManager!: UserType;
  /** Resolved by a field resolver: hidden from callers outside the hiring team. */
  recruiters!: UserType[];
  @Field(() => Date, { nullable: true }) openedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  /** Resolved by a field resolver from planId, in one batch per request. */
  planId!: string;

  /** The positions of a list, from rows (PositionsService.list). */
  static fromList(rows: PositionRow[]): PositionType[] {
    return rows.map((row) =>
      Object.assign(new PositionType(), {
        id: row.id,
        title: row.title,
        level: row.level,
        companyProfile: row.companyProfile,
        status: row.status,
        hiringManager: UserType.fromJson(row.manager),
        recruiters: row.recruiterUsers.map((user) => UserType.fromJson(user)),
        openedAt: row.openedAt,
        closedAt: row.closedAt,
        planId: row.plan,
      }),
    );
  }

  /** Hiring manager and recruiters must be loaded. */
  static from(position: Position): PositionType {
    return Object.assign(new PositionType(), {
      id: position.id,
      title: position.title,
      level: position.level,
      companyProfile: position.companyProfile,
      status: position.status,
      hiringManager: UserType.from(position.hiringManager),
      recruiters: position.recruiters.getItems().map((user) => UserType.from(user)),
      openedAt: position.openedAt,
      closedAt: position.closedAt,
      planId: position.plan.id,
    });
  }
}

@ObjectType('PositionPayload')
export class PositionPayload {
  @Field(() => PositionType) position!: PositionType;
}

@ObjectType('InterviewKit', {
  description: 'What an interviewer reads before interviewing for one stage of a position.',
})
export class InterviewKitType {
  @Field(() => PositionType) position!: PositionType;
  @Field(() => PlanStageType, { description: 'The stage with its rubric, questions and practical task.' })
  stage!: PlanStageType;
  @Field(() => [SkillRequirementType], { description: 'The skills this stage must or should verify.' })
  skillsToVerify!: SkillRequirementType[];
  @Field(() => [CandidateQuestionType], { description: 'What candidates tend to ask at this kind of stage.' })
  candidateQuestions!: CandidateQuestionType[];
}

export { InterviewPlanType };
