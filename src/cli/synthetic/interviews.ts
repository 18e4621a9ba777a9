// Interviews of one stage visit: the panel, the questions asked, each panelist's scorecard (with
// the skill verdicts the stage owes the application) and what of it is known at a cut-off.
import { InterviewStatus, Recommendation, ScorecardStatus, SkillVerdict, StageKind } from '../../../libs/domain';
import type { QuestionInfo, StageInfo } from './catalog';
import { HOUR, MINUTE } from './clock';
import { clampScore, scorePanel, type PanelScores, type SkillEvidence } from './decisions';
import type { InterviewerInfo } from './people';
import type { PositionInfo } from './positions';
import type { Random } from './random';
import type {
  ApplicationSkillVerdictRow,
  InterviewPanelistRow,
  InterviewRow,
  ScorecardRow,
  SyntheticHistory,
} from './rows';
import { QUESTION_NOTES, RED_FLAGS } from './stage-behaviour';

interface PlannedScorecard {
  row: ScorecardRow;
  verdicts: ApplicationSkillVerdictRow[];
  submittedAt: number;
}

export interface PlannedInterview {
  interview: InterviewRow;
  panelists: InterviewPanelistRow[];
  scorecards: PlannedScorecard[];
  /** When the last panelist submitted (null: no scorecards, e.g. a no-show). */
  decisionAt: number | null;
  panel: PanelScores | null;
}

/** What the interviews of one application share. */
export interface InterviewContext {
  applicationId: string;
  candidateId: string;
  position: PositionInfo;
  interviewers: readonly InterviewerInfo[];
  /** The application's main stream and the stream of draws added later (questions, codes). */
  rng: Random;
  extra: Random;
  evidence: SkillEvidence;
}

/** The questions asked in one interview: two or three of the stage's list (none if it has none). */
function askedQuestions(rng: Random, questions: readonly QuestionInfo[]): QuestionInfo[] {
  if (questions.length === 0) return [];
  const count = Math.min(questions.length, rng.int(2, 3));
  const pool = [...questions];
  const asked: QuestionInfo[] = [];
  while (asked.length < count) asked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return asked;
}

/**
 * Plans one interview of `stage` and, unless the candidate does not show up, its scorecards,
 * scored so that the stage decision comes out as `passed`. The first panelist records VERIFIED
 * for each must-verify skill of the stage the application has not had verified yet.
 */
export function planInterview(
  context: InterviewContext,
  stage: StageInfo,
  startsAt: number,
  scheduledAt: number,
  noShow: boolean,
  passed: boolean,
): PlannedInterview {
  const { rng, extra, applicationId } = context;
  const template = stage.template;
  const endsAt = startsAt + template.durationMinutes * MINUTE;
  const interviewId = rng.uuid();
  const size = rng.int(template.behaviour.panel[0], template.behaviour.panel[1]);
  const pool = context.position.interviewerPool;
  const panel: InterviewerInfo[] = [];
  while (panel.length < size) {
    const interviewer = context.interviewers[pool[rng.int(0, pool.length - 1)]!]!;
    if (!panel.includes(interviewer)) panel.push(interviewer);
  }
  const interview: InterviewRow = {
    id: interviewId,
    applicationId,
    candidateId: context.candidateId,
    stageId: stage.id,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    location: template.kind === StageKind.FINAL && rng.chance(0.4) ? 'On-site' : 'Video call',
    status: noShow ? InterviewStatus.NO_SHOW : InterviewStatus.COMPLETED,
    cancelReason: null,
    sequence: 0,
    version: 2,
    createdAt: new Date(scheduledAt),
    updatedAt: new Date(endsAt + rng.int(1, 90) * MINUTE),
  };
  const panelists = panel.map((interviewer): InterviewPanelistRow => ({
    id: rng.uuid(),
    interviewId,
    interviewerId: interviewer.id,
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    blocksCalendar: false,
    createdAt: interview.createdAt,
    updatedAt: interview.updatedAt,
  }));
  if (noShow) return { interview, panelists, scorecards: [], decisionAt: null, panel: null };

  const toVerify = stage.mustVerify.filter((skill) => !context.evidence.isVerified(skill.skillId));
  for (const skill of toVerify) context.evidence.record(skill.skillId, SkillVerdict.VERIFIED, stage.order);
  const scores = scorePanel(rng, stage, panel, passed, context.evidence);
  const asked = askedQuestions(extra, stage.questions);
  let decisionAt = 0;
  const scorecards = panel.map((interviewer, k): PlannedScorecard => {
    const u = rng.next();
    const submittedAt = endsAt + Math.round((1 + 71 * u * u) * HOUR + rng.int(0, 3599) * 1000);
    const createdAt = endsAt + Math.round((submittedAt - endsAt) * 0.6 * rng.next());
    if (submittedAt > decisionAt) decisionAt = submittedAt;
    const recommendation = scores.recommendations[k]!;
    const verdicts = k === 0 ? toVerify : [];
    const row: ScorecardRow = {
      id: rng.uuid(),
      interviewId,
      interviewerId: interviewer.id,
      status: ScorecardStatus.SUBMITTED,
      ratings: stage.criteria.map(({ criterionId }, c) => ({
        criterionId,
        score: scores.scores[k]![c]!,
        evidence: null,
      })),
      questionRatings: asked.map((question) => {
        const score = clampScore(scores.ability + interviewer.bias + question.noise * extra.normal());
        return {
          questionId: question.id,
          score,
          note: extra.chance(0.15) ? extra.pick(QUESTION_NOTES[score]!) : null,
        };
      }),
      skillVerdicts: verdicts.map(({ skillId }) => ({ skillId, verdict: SkillVerdict.VERIFIED, evidence: null })),
      redFlags: recommendation === Recommendation.STRONG_NO && rng.chance(0.5) ? [rng.pick(RED_FLAGS)] : [],
      recommendation,
      notes: null,
      dueAt: new Date(endsAt + template.feedbackDueHours * HOUR),
      submittedAt: new Date(submittedAt),
      weightedScore: scores.weighted[k]!,
      version: 2,
      createdAt: new Date(createdAt),
      updatedAt: new Date(submittedAt),
    };
    // As submitting a scorecard records its verdicts as the application's evidence.
    const evidenceRows = verdicts.map(({ skillId }): ApplicationSkillVerdictRow => ({
      id: extra.uuid(),
      applicationId,
      skillId,
      stageId: stage.id,
      verdict: SkillVerdict.VERIFIED,
      evidence: null,
      scorecardId: row.id,
      interviewerId: interviewer.id,
      createdAt: row.submittedAt!,
      updatedAt: row.submittedAt!,
    }));
    return { row, verdicts: evidenceRows, submittedAt };
  });
  return { interview, panelists, scorecards, decisionAt, panel: scores };
}

/** Adds an interview (and its panel and scorecards) as known at `cutoff`: later submissions are drafts. */
export function emitInterview(out: SyntheticHistory, planned: PlannedInterview, cutoff: number): void {
  if (planned.interview.updatedAt.getTime() >= cutoff) return;
  out.interviews.push(planned.interview);
  for (const panelist of planned.panelists) out.interviewPanelists.push(panelist);
  for (const { row, verdicts, submittedAt } of planned.scorecards) {
    if (submittedAt < cutoff) {
      out.scorecards.push(row);
      for (const verdict of verdicts) out.applicationSkillVerdicts.push(verdict);
    } else if (row.createdAt.getTime() < cutoff) {
      out.scorecards.push({
        ...row,
        status: ScorecardStatus.DRAFT,
        ratings: [],
        questionRatings: [],
        skillVerdicts: [],
        redFlags: [],
        recommendation: null,
        submittedAt: null,
        weightedScore: null,
        version: 1,
        updatedAt: row.createdAt,
      });
    }
  }
}
