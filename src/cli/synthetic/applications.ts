// One application from apply to its end (or to now): stage visits, interviews, stage decisions
// and transitions. Every transition goes through the domain's state machine (planTransition).
import {
  ApplicationStatus,
  CompanyProfile,
  type RejectionReason,
  StageDecisionOutcome,
  StageKind,
  StageOutcome,
  initialState,
  planTransition,
  type PipelineAction,
  type PipelineState,
} from '../../../libs/domain';
import { candidateProfile } from './candidates';
import { DAY, HOUR, MINUTE, workingHours } from './clock';
import { SkillEvidence } from './decisions';
import { emitInterview, planInterview, type InterviewContext, type PlannedInterview } from './interviews';
import { LEVEL_INDEX, SOURCE_HR_BONUS } from './people';
import { pickPosition } from './positions';
import { Random, Stream, weightedPick } from './random';
import type { ApplicationRow, StageDecisionRow, StageVisitRow, SyntheticHistory } from './rows';
import {
  HOLD_REASON,
  MANAGER_REJECTION_CODES,
  NO_SHOW_CODES,
  NO_SHOW_REASON,
  OTHER_CODE,
  POSITION_CLOSED_CODES,
  POSITION_CLOSED_REASON,
  SKIP_REASONS,
  WITHDRAW_REASONS,
} from './stage-behaviour';
import type { SyntheticWorld } from './world';

/**
 * Generates application `index` and everything that hangs off it (and its candidate, for a first
 * application), appended to `out`. It draws only from its own streams, so applications can be
 * generated in any ranges.
 */
export function generateApplication(world: SyntheticWorld, index: number, out: SyntheticHistory): void {
  const { seed, transitions: writeTransitions } = world.options;
  const C = world.candidateCount;
  const rng = new Random(seed, Stream.APPLICATION, index);
  const extra = new Random(seed, Stream.APPLICATION_EXTRA, index);
  const isFirst = index < C;
  const candidateIndex = isFirst ? index : ((index - C) * world.repeatMultiplier) % C;
  const candidate = candidateProfile(world, candidateIndex);

  let appliedAt: number;
  let positionIndex: number;
  if (isFirst) {
    appliedAt = candidate.firstAppliedAt;
    positionIndex = candidate.firstPosition;
    const createdAt = appliedAt - rng.int(1, 120) * MINUTE;
    out.candidates.push({
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      experienceYears: candidate.years,
      experienceLevel: candidate.level,
      source: candidate.source,
      tags: candidate.tags,
      notes: null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    });
  } else {
    // A second application, to another position, some time after the first.
    const room = world.now - HOUR - candidate.firstAppliedAt;
    const gap = room > 3 * DAY ? 2 * DAY + rng.next() * Math.min(240 * DAY, room - 3 * DAY) : room * rng.next();
    appliedAt = Math.floor((candidate.firstAppliedAt + gap) / 1000) * 1000;
    positionIndex = pickPosition(world.weekly, world.start, appliedAt, candidate.level, rng, candidate.firstPosition);
  }
  const position = world.positions[positionIndex]!;
  const stages = position.stages;
  const applicationId = rng.uuid();
  const level = candidate.level;
  const hiringManager = position.hiringManagerId;
  const recruiter = position.recruiterIds[0]!;
  const limit = position.closedAt ?? world.now;
  const closedByPosition = position.closedAt !== null;
  const levelDistance = Math.abs(LEVEL_INDEX[level] - LEVEL_INDEX[position.level]);

  const application: ApplicationRow = {
    id: applicationId,
    candidateId: candidate.id,
    positionId: position.row.id,
    status: ApplicationStatus.ACTIVE,
    currentStageId: null,
    experienceLevel: level,
    appliedAt: new Date(appliedAt),
    decidedAt: null,
    version: 1,
    createdAt: new Date(appliedAt),
    updatedAt: new Date(appliedAt),
  };
  out.applications.push(application);

  let state: PipelineState = initialState(stages.length);
  const stageIdAt = (stageIndex: number | null) => (stageIndex === null ? null : stages[stageIndex]!.id);
  const record = (
    at: number,
    action: PipelineAction | 'apply',
    from: PipelineState,
    actor: string | null,
    reason: string | null,
  ) => {
    // Drawn either way, so that leaving transitions out changes nothing else.
    const id = rng.uuid();
    application.updatedAt = new Date(at);
    if (!writeTransitions) return;
    out.applicationTransitions.push({
      id,
      applicationId,
      action,
      fromStatus: from.status,
      toStatus: state.status,
      fromStageId: action === 'apply' ? null : stageIdAt(from.currentStageIndex),
      toStageId: stageIdAt(state.currentStageIndex),
      actorId: actor,
      reason,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
  };
  /** Applies `action` as the pipeline would; the generator never asks for one the rules refuse. */
  const act = (at: number, action: PipelineAction, actor: string | null, reason: string | null) => {
    const plan = planTransition(state, action, { reason });
    if (!plan.ok) throw new Error(`Synthetic history broke the pipeline rules: ${plan.message}`);
    const from = state;
    state = plan.next;
    application.version++;
    if (plan.decided) application.decidedAt = new Date(at);
    record(at, action, from, actor, reason);
  };
  record(appliedAt, 'apply', state, recruiter, null);

  const evidence = new SkillEvidence();
  const context: InterviewContext = {
    applicationId,
    candidateId: candidate.id,
    position,
    interviewers: world.interviewers,
    rng,
    extra,
    evidence,
  };

  let t = appliedAt;
  for (let s = 0; s < stages.length; s++) {
    const stage = stages[s]!;
    const template = stage.template;
    const behaviour = template.behaviour;
    const visit: StageVisitRow = {
      id: rng.uuid(),
      applicationId,
      stageId: stage.id,
      enteredAt: new Date(t),
      exitedAt: null,
      outcome: null,
      decidedById: null,
      reason: null,
      reasonCode: null,
      createdAt: new Date(t),
      updatedAt: new Date(t),
    };
    out.stageVisits.push(visit);

    // What would happen in this stage if nothing stopped it.
    let outcome: StageOutcome;
    let exitAt: number;
    let decidedBy: string | null;
    let reason: string | null;
    let reasonCode: RejectionReason | null = null;
    const interviews: PlannedInterview[] = [];
    let decision: StageDecisionRow | null = null;
    const roll = rng.next();
    // A stage is not waived while it is the last chance to verify a must-verify skill (the hire gate).
    const waivable = stage.lastToVerify.every((skillId) => evidence.isVerified(skillId));
    if (roll < behaviour.withdrawRate) {
      outcome = StageOutcome.WITHDRAWN;
      exitAt = t + rng.between(4 * HOUR, 10 * DAY);
      decidedBy = recruiter;
      reason = rng.chance(0.8) ? rng.pick(WITHDRAW_REASONS) : null;
    } else if (roll < behaviour.withdrawRate + behaviour.skipRate && waivable) {
      outcome = StageOutcome.SKIPPED;
      exitAt = t + rng.between(1 * HOUR, 2 * DAY);
      decidedBy = recruiter;
      reason = rng.pick(SKIP_REASONS);
    } else {
      let passRate = behaviour.passRate + behaviour.levelAdjust[level];
      if (template.kind === StageKind.HR_SCREEN) {
        passRate += SOURCE_HR_BONUS[candidate.source] ?? 0;
        passRate += levelDistance === 0 ? 0.04 : levelDistance === 1 ? -0.04 : -0.3;
      }
      if (template.kind === StageKind.FINAL) passRate += position.profile === CompanyProfile.STARTUP ? -0.05 : 0.02;
      const passed = rng.chance(Math.min(0.97, Math.max(0.05, passRate)));
      let startsAt = workingHours(rng, t + rng.between(behaviour.scheduleDays[0], behaviour.scheduleDays[1]) * DAY);
      if (startsAt < t + 2 * HOUR) startsAt += DAY;
      let scheduledAt = t + Math.round(rng.between(10 * MINUTE, Math.min(DAY, startsAt - t - HOUR)));
      let planned: PlannedInterview;
      let missedAt: number | null = null;
      if (rng.chance(0.03)) {
        const missed = planInterview(context, stage, startsAt, scheduledAt, true, passed);
        interviews.push(missed);
        const missedEnd = missed.interview.endsAt.getTime();
        if (rng.chance(0.35)) {
          missedAt = missedEnd;
          planned = missed;
        } else {
          scheduledAt = missed.interview.updatedAt.getTime() + rng.int(5, 240) * MINUTE;
          startsAt = workingHours(rng, missedEnd + rng.between(2, 7) * DAY);
          if (startsAt < scheduledAt + HOUR) startsAt += DAY;
          planned = planInterview(context, stage, startsAt, scheduledAt, false, passed);
          interviews.push(planned);
        }
      } else {
        planned = planInterview(context, stage, startsAt, scheduledAt, false, passed);
        interviews.push(planned);
      }
      if (missedAt !== null || !planned.panel || planned.decisionAt === null) {
        // The candidate did not show up and the hiring manager rejected them.
        outcome = StageOutcome.FAILED;
        exitAt = (missedAt ?? t) + rng.between(2 * HOUR, 2 * DAY);
        decidedBy = hiringManager;
        reason = NO_SHOW_REASON;
        reasonCode = weightedPick(extra, NO_SHOW_CODES);
      } else {
        const decisionAt = planned.decisionAt;
        const result = planned.panel.decision;
        outcome = passed ? StageOutcome.PASSED : StageOutcome.FAILED;
        if (template.autoAdvance) {
          // As the stage-decision job carries it out.
          exitAt = decisionAt + rng.int(2, 180) * 1000;
          decidedBy = null;
          reason = `Automatic stage decision: ${result.reasons[0] ?? result.outcome}`;
          reasonCode = result.reasonCode;
        } else {
          exitAt = decisionAt + rng.between(1 * HOUR, 96 * HOUR);
          decidedBy = hiringManager;
          reason = passed ? null : rng.pick(behaviour.failReasons);
          // The manager rejects by hand, with a code of their own that matches what they wrote.
          if (reason !== null) reasonCode = weightedPick(extra, MANAGER_REJECTION_CODES[reason] ?? OTHER_CODE);
        }
        decision = {
          id: rng.uuid(),
          visitId: visit.id,
          applicationId,
          stageId: stage.id,
          outcome: result.outcome,
          average: result.average,
          reasons: result.reasons,
          reasonCode: result.reasonCode,
          automatic: template.autoAdvance,
          appliedAt: null,
          outcomeApplied: null,
          createdAt: new Date(decisionAt),
          updatedAt: new Date(decisionAt),
        };
      }
    }
    exitAt = Math.round(exitAt);

    if (exitAt >= limit) {
      // Stopped by the position closing, or still going on now.
      let cutoff = limit;
      if (closedByPosition) {
        for (const planned of interviews) emitInterview(out, planned, cutoff);
        Object.assign(visit, {
          exitedAt: new Date(limit),
          outcome: StageOutcome.FAILED,
          decidedById: recruiter,
          reason: POSITION_CLOSED_REASON,
          reasonCode: weightedPick(extra, POSITION_CLOSED_CODES),
          updatedAt: new Date(limit),
        });
        if (decision && decision.createdAt.getTime() < cutoff) {
          decision.appliedAt = new Date(limit);
          decision.outcomeApplied = decision.outcome === StageDecisionOutcome.FAILED;
          decision.updatedAt = new Date(limit);
          out.stageDecisions.push(decision);
        }
        act(limit, 'reject', recruiter, POSITION_CLOSED_REASON);
      } else {
        if (rng.chance(0.02)) {
          cutoff = Math.floor(t + rng.next() * (world.now - t));
          act(cutoff, 'hold', recruiter, HOLD_REASON);
        }
        for (const planned of interviews) emitInterview(out, planned, cutoff);
        if (decision && decision.createdAt.getTime() < cutoff) out.stageDecisions.push(decision);
      }
      break;
    }

    for (const planned of interviews) emitInterview(out, planned, Infinity);
    visit.exitedAt = new Date(exitAt);
    visit.outcome = outcome;
    visit.decidedById = decidedBy;
    visit.reason = reason;
    visit.reasonCode = reasonCode;
    visit.updatedAt = visit.exitedAt;
    if (decision) {
      decision.appliedAt = visit.exitedAt;
      decision.outcomeApplied = true;
      decision.updatedAt = visit.exitedAt;
      out.stageDecisions.push(decision);
    }
    t = exitAt;
    const action = ACTION_OF[outcome];
    act(t, action, decidedBy, reason);
    if (state.status !== ApplicationStatus.ACTIVE) break;
  }
  if (state.status === ApplicationStatus.ACTIVE && state.currentStageIndex === null) {
    // Every stage passed or skipped: the hire gate wants every must-verify skill verified.
    const unverified = stages
      .flatMap((stage) => stage.mustVerify)
      .filter((skill) => !evidence.isVerified(skill.skillId));
    if (unverified.length) throw new Error(`Synthetic history hires with "${unverified[0]!.name}" unverified`);
    act(t, 'hire', hiringManager, null);
  }

  application.status = state.status;
  application.currentStageId = stageIdAt(state.currentStageIndex);
}

/** The pipeline action that closes a visit with each outcome. */
const ACTION_OF: Record<StageOutcome, PipelineAction> = {
  [StageOutcome.PASSED]: 'advance',
  [StageOutcome.SKIPPED]: 'skip',
  [StageOutcome.FAILED]: 'reject',
  [StageOutcome.WITHDRAWN]: 'withdraw',
};
