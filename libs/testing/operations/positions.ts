import { PLAN_FIELDS, type PlanFields } from './catalog';
import { operation } from './operation';

export interface CreatePositionInput {
  title: string;
  level: string;
  companyProfile: string;
  hiringManagerId: string;
  recruiterIds: string[];
  planTemplateId: string;
}

export const CREATE_POSITION = operation<
  { createPosition: { position: { id: string; status: string; plan: PlanFields } } },
  { input: CreatePositionInput }
>(`mutation CreatePosition($input: CreatePositionInput!) {
  createPosition(input: $input) { position { id status plan { ...PlanFields } } }
} ${PLAN_FIELDS}`);

export const OPEN_POSITION = operation<{ openPosition: { position: { status: string } } }, { id: string }>(
  `mutation OpenPosition($id: ID!) { openPosition(id: $id) { position { status } } }`,
);

export const CLOSE_POSITION = operation<{ closePosition: { position: { status: string } } }, { id: string }>(
  `mutation ClosePosition($id: ID!) { closePosition(id: $id) { position { status } } }`,
);

export const UPDATE_POSITION = operation<
  { updatePosition: { position: { title: string; level: string; recruiters: Array<{ email: string }> } } },
  {
    input: {
      positionId: string;
      title?: string;
      level?: string;
      hiringManagerId?: string;
      recruiterIds?: string[];
      expectedRevision?: number;
    };
  }
>(`mutation UpdatePosition($input: UpdatePositionInput!) {
  updatePosition(input: $input) { position { title level recruiters { email } } }
}`);

export const POSITION_ID = operation<{ position: { id: string } | null }, { id: string }>(
  `query PositionId($id: ID!) { position(id: $id) { id } }`,
);

/** The ids of a position's plan and its stages, in order. */
export const POSITION_PLAN = operation<
  { position: { plan: { id: string; stages: Array<{ id: string }> } } | null },
  { id: string }
>(`query PositionPlan($id: ID!) { position(id: $id) { plan { id stages { id } } } }`);

export const POSITION_STAGE_SETTINGS = operation<
  { position: { plan: { stages: Array<{ name: string; passThreshold: number | null }> } } | null },
  { id: string }
>(`query PositionStageSettings($id: ID!) { position(id: $id) { plan { stages { name passThreshold } } } }`);

export const POSITION_APPLICATIONS = operation<
  {
    position: {
      applications: { totalCount: number; edges: Array<{ node: { status: string; candidate: { name: string } } }> };
    } | null;
  },
  { id: string; status?: string }
>(`query PositionApplications($id: ID!, $status: ApplicationStatus) {
  position(id: $id) { applications(status: $status) { totalCount edges { node { status candidate { name } } } } }
}`);

export const POSITIONS = operation<{ positions: Array<{ id: string }> }>(`query Positions { positions { id } }`);

/** Every position with its team and full plan (the plan tests count the SQL statements it takes). */
export const POSITIONS_WITH_PLANS = operation<{
  positions: Array<{
    id: string;
    hiringManager: { email: string };
    recruiters: Array<{ email: string }>;
    plan: PlanFields;
  }>;
}>(`query PositionsWithPlans {
  positions { id hiringManager { email } recruiters { email } plan { ...PlanFields } }
} ${PLAN_FIELDS}`);

export const INTERVIEW_KIT = operation<
  {
    interviewKit: {
      stage: { name: string; questions: Array<{ prompt: string }> };
      skillsToVerify: Array<{ skill: { name: string } }>;
      candidateQuestions: Array<{ prompt: string }>;
    };
  },
  { p: string; s: string }
>(`query InterviewKit($p: ID!, $s: ID!) {
  interviewKit(positionId: $p, stageId: $s) {
    stage { name questions { prompt } } skillsToVerify { skill { name } } candidateQuestions { prompt }
  }
}`);
