import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import {
  ApplicationStatus,
  CompanyProfile,
  ExperienceLevel,
  RejectionReason,
  StageKind,
  StageOutcome,
} from '../../../libs/domain';

// Rollup tables behind the analytics figures over many positions. They are written only by
// PostgreSQL triggers on application, scorecard and stage_visit (in the transaction that changes
// the base rows, so they are never stale) and by analytics_rebuild(); see the migration
// AnalyticsRollups and docs/architecture.md. The application reads them with plain SQL; these
// classes exist so that migrations and test resets know the tables.
//
// `week` is the Monday (UTC) of the week the application was made: the grain of the appliedAt
// filter. Sums are numeric so that incremental maintenance and a rebuild agree to the last digit.
// Each rollup key may have several rows, one per `stripe` (migration StripedRollups): readers
// always sum them.

/** The key every rollup starts with. */
abstract class WeeklyRollup {
  @PrimaryKey({ type: 'date' }) week!: string;
  @Enum({ items: () => ExperienceLevel, nativeEnumName: 'experience_level', primary: true })
  experienceLevel!: ExperienceLevel;
  @Enum({ items: () => CompanyProfile, nativeEnumName: 'company_profile', primary: true })
  companyProfile!: CompanyProfile;
  /**
   * Which copy of the row: concurrent transactions write different stripes (analytics_stripe()),
   * so they never wait on each other's rollup rows. A figure is the sum over all stripes of a key;
   * analytics_rebuild() and analytics_fold_stripes() leave only stripe 0.
   */
  @PrimaryKey({ type: 'smallint', autoincrement: false, default: 0 }) stripe!: number;
}

/** What every fact row records of its application: the filtered columns. */
abstract class ApplicationFact {
  @Property({ type: 'uuid' }) positionId!: string;
  @Property({ type: 'timestamptz' }) appliedAt!: Date;
  @Property({ type: 'date' }) week!: string;
  @Enum({ items: () => ExperienceLevel, nativeEnumName: 'experience_level' }) experienceLevel!: ExperienceLevel;
  @Enum({ items: () => CompanyProfile, nativeEnumName: 'company_profile' }) companyProfile!: CompanyProfile;
}

/** Applications per applied week, level, company profile and status. */
@Entity({ tableName: 'analytics_application_rollup' })
export class AnalyticsApplicationRollup extends WeeklyRollup {
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'application_status', primary: true })
  status!: ApplicationStatus;
  @Property({ type: 'int' }) applications!: number;
  /** Hired or rejected applications with a decision time. */
  @Property({ type: 'int' }) decided!: number;
  /** Sum of (decidedAt - appliedAt) in seconds over the decided ones. */
  @Property({ columnType: 'numeric' }) decisionSeconds!: string;
}

/** Decided applications per applied week, level, profile and whole days from applying to the decision. */
@Entity({ tableName: 'analytics_decision_histogram' })
export class AnalyticsDecisionHistogram extends WeeklyRollup {
  @PrimaryKey({ type: 'int', autoincrement: false }) day!: number;
  @Property({ type: 'int' }) applications!: number;
}

/**
 * One submitted scorecard's contribution to interviewer calibration, refreshed for the whole
 * interview whenever one of its scorecards or its stage outcome changes.
 */
@Entity({ tableName: 'analytics_calibration_card' })
@Index({ properties: ['interviewId'] })
@Index({
  name: 'analytics_calibration_card_position',
  expression:
    'create index "analytics_calibration_card_position" on "analytics_calibration_card" ("position_id", "applied_at") include ("interviewer_id", "experience_level", "company_profile", "stage_kind", "score", "deviation", "agreement", "turnaround_seconds", "on_time")',
})
@Index({
  name: 'analytics_calibration_card_applied',
  expression:
    'create index "analytics_calibration_card_applied" on "analytics_calibration_card" ("applied_at") include ("interviewer_id", "experience_level", "company_profile", "stage_kind", "score", "deviation", "agreement", "turnaround_seconds", "on_time")',
})
export class AnalyticsCalibrationCard extends ApplicationFact {
  @PrimaryKey({ type: 'uuid' }) scorecardId!: string;
  @Property({ type: 'uuid' }) interviewId!: string;
  @Property({ type: 'uuid' }) interviewerId!: string;
  @Property({ type: 'uuid' }) applicationId!: string;
  @Property({ columnType: 'numeric' }) score!: string;
  /** Own score minus the mean of the other submitted scores of the interview; null when alone. */
  @Property({ columnType: 'numeric', nullable: true }) deviation!: string | null;
  /** 1 when the YES/NO side matched the stage outcome, 0 when not, null while undecided. */
  @Property({ type: 'smallint', nullable: true }) agreement!: number | null;
  @Enum({ items: () => StageKind, nativeEnumName: 'stage_kind' }) stageKind!: StageKind;
  /** Seconds from the interview's end to the submission. */
  @Property({ columnType: 'numeric' }) turnaroundSeconds!: string;
  /** 1 when submitted by its due time. */
  @Property({ type: 'smallint' }) onTime!: number;
  /** The outcome of the application's latest visit of the interview's stage. */
  @Enum({ items: () => StageOutcome, nativeEnumName: 'stage_outcome', nullable: true }) outcome!: StageOutcome | null;
}

/** Calibration sums per applied week, level, profile and interviewer. */
@Entity({ tableName: 'analytics_calibration_rollup' })
export class AnalyticsCalibrationRollup extends WeeklyRollup {
  @PrimaryKey({ type: 'uuid' }) interviewerId!: string;
  @Property({ type: 'int' }) scorecards!: number;
  @Property({ columnType: 'numeric' }) scoreSum!: string;
  @Property({ columnType: 'numeric' }) deviationSum!: string;
  @Property({ type: 'int' }) deviations!: number;
  @Property({ type: 'int' }) agreements!: number;
  @Property({ type: 'int' }) judged!: number;
}

/** Scorecard turnaround sums per applied week, level, profile and stage kind. */
@Entity({ tableName: 'analytics_turnaround_rollup' })
export class AnalyticsTurnaroundRollup extends WeeklyRollup {
  @Enum({ items: () => StageKind, nativeEnumName: 'stage_kind', primary: true }) stageKind!: StageKind;
  @Property({ type: 'int' }) scorecards!: number;
  @Property({ columnType: 'numeric' }) turnaroundSeconds!: string;
  @Property({ type: 'int' }) onTime!: number;
}

/** One stage visit with the dimensions stage figures filter and group by, refreshed with the visit. */
@Entity({ tableName: 'analytics_stage_visit' })
@Index({
  name: 'analytics_stage_visit_stage',
  expression:
    'create index "analytics_stage_visit_stage" on "analytics_stage_visit" ("stage_id", "applied_at") include ("experience_level", "outcome", "entered_at", "exited_at")',
})
// Covering: figures over a few positions, or the partial weeks of a window, read only the index.
@Index({
  name: 'analytics_stage_visit_position',
  expression:
    'create index "analytics_stage_visit_position" on "analytics_stage_visit" ("position_id", "applied_at") include ("stage_kind", "experience_level", "company_profile", "source", "outcome", "entered_at", "exited_at", "reason_code", "first_interview_at")',
})
@Index({
  name: 'analytics_stage_visit_applied',
  expression:
    'create index "analytics_stage_visit_applied" on "analytics_stage_visit" ("applied_at") include ("stage_kind", "experience_level", "company_profile", "source", "outcome", "entered_at", "exited_at", "reason_code", "first_interview_at")',
})
export class AnalyticsStageVisit extends ApplicationFact {
  @PrimaryKey({ type: 'uuid' }) visitId!: string;
  @Property({ type: 'uuid' }) stageId!: string;
  @Enum({ items: () => StageKind, nativeEnumName: 'stage_kind' }) stageKind!: StageKind;
  @Property({ type: 'uuid' }) applicationId!: string;
  /** The candidate's source; empty when unknown. */
  @Property({ type: 'text' }) source!: string;
  @Property({ type: 'timestamptz' }) enteredAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) exitedAt!: Date | null;
  @Enum({ items: () => StageOutcome, nativeEnumName: 'stage_outcome', nullable: true }) outcome!: StageOutcome | null;
  @Enum({ items: () => RejectionReason, nativeEnumName: 'rejection_reason', nullable: true })
  reasonCode!: RejectionReason | null;
  /** Start of the earliest interview of this application and stage that was not cancelled. */
  @Property({ type: 'timestamptz', nullable: true }) firstInterviewAt!: Date | null;
}

/**
 * Stage visits per applied week, level, profile, source, stage kind, state (the outcome, or
 * IN_PROGRESS) and rejection reason.
 */
@Entity({ tableName: 'analytics_stage_rollup' })
export class AnalyticsStageRollup extends WeeklyRollup {
  @PrimaryKey({ type: 'text' }) source!: string;
  @Enum({ items: () => StageKind, nativeEnumName: 'stage_kind', primary: true }) stageKind!: StageKind;
  @PrimaryKey({ type: 'text' }) state!: string;
  /** The rejection reason of FAILED visits; empty otherwise. */
  @PrimaryKey({ type: 'text' }) reasonCode!: string;
  @Property({ type: 'int' }) visits!: number;
  /** Sum of (exitedAt - enteredAt) in seconds over closed visits. */
  @Property({ columnType: 'numeric' }) closedSeconds!: string;
  /** Visits with an interview, and the sum of seconds from entering to the first one. */
  @Property({ type: 'int' }) scheduled!: number;
  @Property({ columnType: 'numeric' }) scheduleSeconds!: string;
}

/** One question rating of a submitted scorecard with the outcome of its stage, refreshed with the interview. */
@Entity({ tableName: 'analytics_question_rating' })
@Index({ properties: ['interviewId'] })
@Index({
  name: 'analytics_question_rating_position',
  expression:
    'create index "analytics_question_rating_position" on "analytics_question_rating" ("position_id", "applied_at") include ("question_id", "experience_level", "company_profile", "score", "outcome")',
})
@Index({
  name: 'analytics_question_rating_applied',
  expression:
    'create index "analytics_question_rating_applied" on "analytics_question_rating" ("applied_at") include ("question_id", "experience_level", "company_profile", "score", "outcome")',
})
export class AnalyticsQuestionRating extends ApplicationFact {
  @PrimaryKey({ type: 'uuid' }) scorecardId!: string;
  @PrimaryKey({ type: 'uuid' }) questionId!: string;
  @Property({ type: 'uuid' }) interviewId!: string;
  @Enum({ items: () => StageKind, nativeEnumName: 'stage_kind' }) stageKind!: StageKind;
  @Property({ columnType: 'numeric' }) score!: string;
  @Enum({ items: () => StageOutcome, nativeEnumName: 'stage_outcome', nullable: true }) outcome!: StageOutcome | null;
}

/** Question rating sums per applied week, level, profile, question and stage outcome (empty: none yet). */
@Entity({ tableName: 'analytics_question_rollup' })
export class AnalyticsQuestionRollup extends WeeklyRollup {
  @PrimaryKey({ type: 'uuid' }) questionId!: string;
  @PrimaryKey({ type: 'text' }) outcome!: string;
  @Property({ type: 'int' }) ratings!: number;
  @Property({ columnType: 'numeric' }) scoreSum!: string;
  @Property({ columnType: 'numeric' }) scoreSquares!: string;
}

export const ANALYTICS_ROLLUP_ENTITIES = [
  AnalyticsQuestionRating,
  AnalyticsQuestionRollup,
  AnalyticsTurnaroundRollup,
  AnalyticsStageVisit,
  AnalyticsStageRollup,
  AnalyticsApplicationRollup,
  AnalyticsDecisionHistogram,
  AnalyticsCalibrationCard,
  AnalyticsCalibrationRollup,
];
