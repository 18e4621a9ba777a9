import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApplicationStatus, ExperienceLevel, RejectionReason, StageOutcome } from '../../../../libs/domain';
import { PageInfo } from '../../../common/pagination';
import { PlanStageType } from '../../catalog';
import { UserType } from '../../identity';
import type { Application } from '../application.entity';

registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
registerEnumType(StageOutcome, { name: 'StageOutcome', description: "How an application's visit to one stage ended." });
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description:
    'Why a stage visit FAILED, for reporting. BELOW_BAR, STRONG_NO and SKILL_NOT_VERIFIED come from the stage decision rule; a person rejecting gives any.',
  valuesMap: {
    BELOW_BAR: { description: "The panel's weighted average is under the stage's pass threshold." },
    STRONG_NO: { description: 'A panelist recommended STRONG_NO.' },
    SKILL_NOT_VERIFIED: { description: 'A must-verify skill of the stage was not verified.' },
  },
});

@ObjectType('StageVisit')
export class StageVisitType {
  @Field(() => PlanStageType) stage!: PlanStageType;
  @Field() enteredAt!: Date;
  @Field(() => Date, { nullable: true }) exitedAt!: Date | null;
  @Field(() => StageOutcome, { nullable: true }) outcome!: StageOutcome | null;
  @Field(() => UserType, { nullable: true, description: 'Null when the system decided (an automatic stage decision).' })
  decidedBy!: UserType | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => RejectionReason, { nullable: true, description: 'Set when the outcome is FAILED.' })
  reasonCode!: RejectionReason | null;
}

@ObjectType('Application')
export class ApplicationType {
  @Field(() => ID) id!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
  @Field() appliedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => ExperienceLevel, { description: "The candidate's experience level when they applied." })
  experienceLevel!: ExperienceLevel;
  @Field(() => Int, {
    description: 'Increases with every transition; send it as expectedVersion to act only on what you saw.',
  })
  version!: number;
  candidateId!: string;
  positionId!: string;
  currentStageId!: string | null;

  static from(application: Application): ApplicationType {
    return Object.assign(new ApplicationType(), {
      id: application.id,
      status: application.status,
      appliedAt: application.appliedAt,
      decidedAt: application.decidedAt,
      experienceLevel: application.experienceLevel,
      version: application.version,
      candidateId: application.candidate.id,
      positionId: application.position.id,
      currentStageId: application.currentStage?.id ?? null,
    });
  }

  /** From a plain row (`applicationColumns`, `applicationRow`). */
  static fromRow(row: ApplicationRow): ApplicationType {
    return Object.assign(new ApplicationType(), {
      id: row.id,
      status: row.status,
      appliedAt: row.appliedAt,
      decidedAt: row.decidedAt,
      experienceLevel: row.experienceLevel,
      version: row.version,
      candidateId: row.candidate,
      positionId: row.position,
      currentStageId: row.currentStage,
    });
  }

  /** From the JSON object `applicationJson()` selects (plain rows, no entity). */
  static fromJson(application: ApplicationJson): ApplicationType {
    return Object.assign(new ApplicationType(), {
      ...application,
      appliedAt: new Date(application.appliedAt),
      decidedAt: application.decidedAt === null ? null : new Date(application.decidedAt),
    });
  }
}

/** An application as plain SQL reads it (`applicationColumns`); relations come as ids. */
export interface ApplicationRow {
  id: string;
  createdAt: Date;
  status: ApplicationStatus;
  appliedAt: Date;
  decidedAt: Date | null;
  experienceLevel: ExperienceLevel;
  version: number;
  candidate: string;
  position: string;
  currentStage: string | null;
}

/**
 * SQL selecting the application row aliased `alias` under ApplicationRow's names; the driver gives
 * its times as text, which `applicationRow` turns into dates.
 */
export function applicationColumns(alias: string): string {
  return `${alias}.id, ${alias}.created_at as "createdAt", ${alias}.status, ${alias}.applied_at as "appliedAt",
    ${alias}.decided_at as "decidedAt", ${alias}.experience_level as "experienceLevel", ${alias}.version,
    ${alias}.candidate_id as "candidate", ${alias}.position_id as "position", ${alias}.current_stage_id as "currentStage"`;
}

/** A row of `applicationColumns` as the driver gives it: times as text. */
export type ApplicationSqlRow = Omit<ApplicationRow, 'createdAt' | 'appliedAt' | 'decidedAt'> & {
  createdAt: string;
  appliedAt: string;
  decidedAt: string | null;
};

/** An ApplicationRow from a row of `applicationColumns`, its times made dates. */
export function applicationRow(row: ApplicationSqlRow): ApplicationRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    appliedAt: new Date(row.appliedAt),
    decidedAt: row.decidedAt === null ? null : new Date(row.decidedAt),
  };
}

/** An application as `applicationJson()` selects it: ApplicationType's fields, times as JSON gives them. */
export type ApplicationJson = Omit<ApplicationType, 'appliedAt' | 'decidedAt'> & {
  appliedAt: string;
  decidedAt: string | null;
};

/** SQL for the application row aliased `alias` as one JSON object (ApplicationJson), for plain-row reads. */
export function applicationJson(alias: string): string {
  return `json_build_object('id', ${alias}.id, 'status', ${alias}.status, 'appliedAt', ${alias}.applied_at,
    'decidedAt', ${alias}.decided_at, 'experienceLevel', ${alias}.experience_level, 'version', ${alias}.version,
    'candidateId', ${alias}.candidate_id, 'positionId', ${alias}.position_id, 'currentStageId', ${alias}.current_stage_id)`;
}

@ObjectType('ApplicationEdge')
export class ApplicationEdge {
  @Field() cursor!: string;
  @Field(() => ApplicationType) node!: ApplicationType;
}

@ObjectType('ApplicationConnection')
export class ApplicationConnection {
  @Field(() => [ApplicationEdge]) edges!: ApplicationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('ApplicationPayload')
export class ApplicationPayload {
  @Field(() => ApplicationType) application!: ApplicationType;
}
