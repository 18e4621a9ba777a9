import type { CompanyProfile, ExperienceLevel, PositionStatus, RejectionReason } from '../graphql/graphql';

export const LEVELS: ExperienceLevel[] = ['JUNIOR', 'MID', 'SENIOR', 'STAFF'];
export const PROFILES: CompanyProfile[] = ['STARTUP', 'ENTERPRISE', 'AGENCY'];

export const STATUS_COLOR: Record<PositionStatus, string> = { OPEN: 'teal.9', DRAFT: 'gray.7', CLOSED: 'dark.4' };

/** Reasons a person may give when rejecting (the automatic ones come from the decision rule). */
export const REJECTION_REASONS: Array<{ value: RejectionReason; label: string }> = [
  { value: 'SKILLS_GAP', label: 'Skills gap' },
  { value: 'BELOW_BAR', label: 'Below the bar' },
  { value: 'COMMUNICATION', label: 'Communication' },
  { value: 'SALARY_EXPECTATIONS', label: 'Salary expectations' },
  { value: 'POSITION_FILLED', label: 'Position filled' },
  { value: 'NO_SHOW', label: 'No show' },
  { value: 'STRONG_NO', label: 'Strong no from the panel' },
  { value: 'SKILL_NOT_VERIFIED', label: 'Required skill not verified' },
  { value: 'OTHER', label: 'Other' },
];
