import { operation, type Operation } from './operation';

export interface ApplicationFields {
  id: string;
  status: string;
  version: number;
  currentStage: { id: string; name: string; order: number } | null;
  decidedAt: string | null;
  stageHistory: Array<{
    stage: { name: string };
    outcome: string | null;
    reason: string | null;
    reasonCode: string | null;
    decidedBy: { email: string } | null;
    exitedAt: string | null;
  }>;
}

export const APPLICATION_FIELDS = `fragment ApplicationFields on Application {
  id status version currentStage { id name order } decidedAt
  stageHistory { stage { name } outcome reason reasonCode decidedBy { email } exitedAt }
}`;

export const APPLY = operation<
  { apply: { application: { id: string } } },
  { input: { candidateId: string; positionId: string } }
>(`mutation Apply($input: ApplyInput!) { apply(input: $input) { application { id } } }`);

export interface TransitionInput {
  applicationId: string;
  reason?: string;
  reasonCode?: string;
  expectedVersion?: number;
}

type Transition<Mutation extends string> = Operation<
  { [Name in Mutation]: { application: ApplicationFields } },
  { input: TransitionInput }
>;

/** One pipeline mutation, answering with the application it moved. */
function transition<Mutation extends string>(mutation: Mutation, inputType: string): Transition<Mutation> {
  const name = mutation[0]!.toUpperCase() + mutation.slice(1);
  return operation(`mutation ${name}($input: ${inputType}!) {
  ${mutation}(input: $input) { application { ...ApplicationFields } }
} ${APPLICATION_FIELDS}`);
}

export const ADVANCE_APPLICATION = transition('advanceApplication', 'AdvanceApplicationInput');
export const SKIP_STAGE = transition('skipStage', 'SkipStageInput');
export const REJECT_APPLICATION = transition('rejectApplication', 'RejectApplicationInput');
export const WITHDRAW_APPLICATION = transition('withdrawApplication', 'WithdrawApplicationInput');
export const HOLD_APPLICATION = transition('holdApplication', 'HoldApplicationInput');
export const RESUME_APPLICATION = transition('resumeApplication', 'ResumeApplicationInput');
export const HIRE_APPLICATION = transition('hireApplication', 'HireApplicationInput');

export const APPLICATION = operation<{ application: ApplicationFields | null }, { id: string }>(
  `query Application($id: ID!) { application(id: $id) { ...ApplicationFields } } ${APPLICATION_FIELDS}`,
);

/** Only whether the caller may see the application. */
export const APPLICATION_ID = operation<{ application: { id: string } | null }, { id: string }>(
  `query ApplicationId($id: ID!) { application(id: $id) { id } }`,
);

export interface StageDecisionFields {
  stageId: string;
  outcome: string;
  reasons: string[];
  reasonCode: string | null;
  automatic: boolean;
  appliedAt: string | null;
}

export interface SkillVerificationFields {
  skill: { name: string };
  priority: string;
  verdict: string;
  evidence: Array<{ verdict: string; stageName: string; interviewer: { email: string } | null }>;
}

/** The application with the panel's results: stage decisions and skill verifications. */
export const APPLICATION_REVIEW = operation<
  {
    application:
      | (ApplicationFields & { stageDecisions: StageDecisionFields[]; skillVerifications: SkillVerificationFields[] })
      | null;
  },
  { id: string }
>(`query ApplicationReview($id: ID!) {
  application(id: $id) {
    ...ApplicationFields
    stageDecisions { stageId outcome reasons reasonCode automatic appliedAt }
    skillVerifications { skill { name } priority verdict evidence { verdict stageName interviewer { email } } }
  }
} ${APPLICATION_FIELDS}`);

export const APPLICATION_INTERVIEWS = operation<
  {
    application: {
      status: string;
      interviews: Array<{ id: string; status: string; cancelReason: string | null }>;
    } | null;
  },
  { id: string }
>(`query ApplicationInterviews($id: ID!) { application(id: $id) { status interviews { id status cancelReason } } }`);

export const MOVE_APPLICATION_TO_STAGE = operation<
  { moveApplicationToStage: { application: ApplicationFields } },
  { input: { applicationId: string; stageId: string; reason: string; expectedVersion?: number } }
>(`mutation MoveApplicationToStage($input: MoveApplicationToStageInput!) {
  moveApplicationToStage(input: $input) { application { ...ApplicationFields } }
} ${APPLICATION_FIELDS}`);
