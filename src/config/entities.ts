import { OutboxMessage } from '../../libs/jobs/outbox-message.entity';
import { RefreshToken } from '../modules/identity/refresh-token.entity';
import { User } from '../modules/identity/user.entity';
import { JobHeartbeat } from '../modules/system/heartbeat.entity';
import { CandidateQuestion } from '../modules/catalog/candidate-question.entity';
import {
  InterviewPlan,
  PlanStage,
  PlanStageQuestion,
  Rubric,
  RubricCriterion,
  SkillRequirement,
} from '../modules/catalog/interview-plan.entity';
import { PracticalTask } from '../modules/catalog/practical-task.entity';
import { Question } from '../modules/catalog/question.entity';
import { Skill } from '../modules/catalog/skill.entity';
import { Position } from '../modules/positions/position.entity';
import { Application } from '../modules/candidates/application.entity';
import { Candidate } from '../modules/candidates/candidate.entity';
import { ApplicationTransition } from '../modules/pipeline/application-transition.entity';
import { ApplicationSkillVerdict } from '../modules/pipeline/skill-verdict.entity';
import { StageVisit } from '../modules/pipeline/stage-visit.entity';
import { Interview, InterviewPanelist } from '../modules/scheduling/interview.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { Scorecard, ScorecardAmendment } from '../modules/scorecards/scorecard.entity';
import { StageDecision } from '../modules/scorecards/stage-decision.entity';
import { ANALYTICS_ROLLUP_ENTITIES } from '../modules/analytics/rollup.entities';

/** Every entity, listed explicitly: no file-system discovery, so TS and compiled JS behave alike. */
export const ENTITIES = [
  ...ANALYTICS_ROLLUP_ENTITIES,
  User,
  RefreshToken,
  OutboxMessage,
  JobHeartbeat,
  Skill,
  Question,
  PracticalTask,
  CandidateQuestion,
  InterviewPlan,
  PlanStage,
  Rubric,
  RubricCriterion,
  PlanStageQuestion,
  SkillRequirement,
  Position,
  Candidate,
  Application,
  StageVisit,
  ApplicationTransition,
  ApplicationSkillVerdict,
  Interview,
  InterviewPanelist,
  Scorecard,
  ScorecardAmendment,
  StageDecision,
  Notification,
];
