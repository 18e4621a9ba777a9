import { OutboxMessage } from '../../libs/jobs/outbox-message.entity';
import { AuditEntry } from '../modules/audit';
import { ANALYTICS_ROLLUP_ENTITIES } from '../modules/analytics';
import {
  CandidateQuestion,
  InterviewPlan,
  PlanStage,
  PlanStageQuestion,
  PracticalTask,
  Question,
  Rubric,
  RubricCriterion,
  Skill,
  SkillRequirement,
} from '../modules/catalog';
import { Candidate } from '../modules/candidates';
import { RefreshToken, User } from '../modules/identity';
import { Notification, NotificationPreference } from '../modules/notifications';
import { Application, ApplicationTransition, StageDecision, StageVisit } from '../modules/pipeline';
import { Position } from '../modules/positions';
import { Interview, InterviewPanelist } from '../modules/scheduling';
import { ApplicationSkillVerdict, Scorecard, ScorecardAmendment } from '../modules/scorecards';
import { WebhookDelivery, WebhookSubscription } from '../modules/webhooks';
import { MailDelivery } from '../modules/mail';
import { GeneratedSecret, JobHeartbeat } from '../modules/system';

/** Every entity, listed explicitly: no file-system discovery, so TS and compiled JS behave alike. */
export const ENTITIES = [
  ...ANALYTICS_ROLLUP_ENTITIES,
  User,
  RefreshToken,
  OutboxMessage,
  JobHeartbeat,
  GeneratedSecret,
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
  AuditEntry,
  NotificationPreference,
  WebhookSubscription,
  WebhookDelivery,
  MailDelivery,
];
