/** Enums of the hiring domain, shared by rules, entities and the GraphQL schema. */
export enum ExperienceLevel {
  JUNIOR = 'JUNIOR',
  MID = 'MID',
  SENIOR = 'SENIOR',
  STAFF = 'STAFF',
}

export enum CompanyProfile {
  STARTUP = 'STARTUP',
  ENTERPRISE = 'ENTERPRISE',
  AGENCY = 'AGENCY',
}

export enum StageKind {
  HR_SCREEN = 'HR_SCREEN',
  TECHNICAL = 'TECHNICAL',
  SYSTEM_DESIGN = 'SYSTEM_DESIGN',
  CODING_CHALLENGE = 'CODING_CHALLENGE',
  BEHAVIORAL = 'BEHAVIORAL',
  FINAL = 'FINAL',
  CUSTOM = 'CUSTOM',
}

export enum QuestionCategory {
  HR = 'HR',
  BEHAVIORAL = 'BEHAVIORAL',
  MOTIVATION = 'MOTIVATION',
  TECHNICAL_BASIC = 'TECHNICAL_BASIC',
  TECHNICAL_ADVANCED = 'TECHNICAL_ADVANCED',
  SYSTEM_DESIGN = 'SYSTEM_DESIGN',
}

export enum SkillPriority {
  MUST_VERIFY = 'MUST_VERIFY',
  GOOD_TO_VERIFY = 'GOOD_TO_VERIFY',
}

export enum PositionStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum SkillVerdict {
  VERIFIED = 'VERIFIED',
  NOT_VERIFIED = 'NOT_VERIFIED',
  NOT_ASSESSED = 'NOT_ASSESSED',
}

export enum InterviewStatus {
  SCHEDULED = 'SCHEDULED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}

/**
 * Why a stage visit ended FAILED. The first three come from the stage decision rule
 * (`decideStage`); the others are given by the person who rejects.
 */
export enum RejectionReason {
  /** The panel's weighted average is under the stage's pass threshold. */
  BELOW_BAR = 'BELOW_BAR',
  /** A panelist recommended STRONG_NO. */
  STRONG_NO = 'STRONG_NO',
  /** A must-verify skill of the stage was not verified. */
  SKILL_NOT_VERIFIED = 'SKILL_NOT_VERIFIED',
  SKILLS_GAP = 'SKILLS_GAP',
  COMMUNICATION = 'COMMUNICATION',
  SALARY_EXPECTATIONS = 'SALARY_EXPECTATIONS',
  POSITION_FILLED = 'POSITION_FILLED',
  NO_SHOW = 'NO_SHOW',
  OTHER = 'OTHER',
}
