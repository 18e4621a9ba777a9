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
