import { Injectable } from '@nestjs/common';
import { EntityManager, wrap } from '@mikro-orm/postgresql';
import {
  InterviewStatus,
  questionRatingProblems,
  ScorecardStatus,
  scoreProblem,
  SkillVerdict,
  weightedScore,
  type Recommendation,
} from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import {
  BadUserInputException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  type FieldErrors,
} from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { PlanStage, SkillRequirement, Skill } from '../catalog';
import { User } from '../identity';
import { ApplicationSkillVerdict } from './skill-verdict.entity';
import { Application } from '../pipeline';
import { Interview } from '../scheduling';
import { WebhookEvent, WebhooksService } from '../webhooks';
import {
  Scorecard,
  ScorecardAmendment,
  type StoredQuestionRating,
  type StoredRating,
  type StoredSkillVerdict,
} from './scorecard.entity';
import { loadScoringContext, type ScoringContext } from './scoring-context';
import { StageDecisionService } from './stage-decision.service';

export interface ScorecardContent {
  ratings?: Array<{ criterionId: string; score: number; evidence?: string | null }>;
  questionRatings?: Array<{ questionId: string; score: number; note?: string | null }> | null;
  skillVerdicts?: Array<{ skillId: string; verdict: SkillVerdict; evidence?: string | null }> | null;
  redFlags?: string[] | null;
  recommendation?: Recommendation | null;
  notes?: string | null;
}

@Injectable()
export class ScorecardsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
    private readonly decisions: StageDecisionService,
    private readonly webhooks: WebhooksService,
  ) {}

  /** Creates or updates the caller's DRAFT for an interview they sit on. */
  async save(actor: Actor, interviewId: string, content: ScorecardContent): Promise<Scorecard> {
    const written = await this.em.fork().transactional(async (em) => {
      const interview = await loadScoringContext(em, interviewId);
      await this.access.require(actor, Permission.InterviewScore, interview.interviewId, em);
      if (interview.status === InterviewStatus.CANCELLED) {
        throw new ConflictException('The interview was cancelled; there is nothing to score.');
      }
      let scorecard = await em.findOne(
        Scorecard,
        { interview: interview.interviewId, interviewer: actor.userId },
        { populate: ['interviewer'] },
      );
      if (scorecard?.status === ScorecardStatus.SUBMITTED) {
        throw new ConflictException(
          'This scorecard is already submitted; use amendScorecard with a reason to change it.',
        );
      }
      const checked = await this.check(em, interview, content);
      if (!scorecard) {
        const dueAt = new Date(interview.endsAt.getTime() + interview.feedbackDueHours * 3_600_000);
        scorecard = new Scorecard(
          em.getReference(Interview, interview.interviewId),
          em.getReference(User, actor.userId!),
          dueAt,
        );
        em.persist(scorecard);
      }
      Object.assign(scorecard, checked);
      await em.flush();
      return scorecard;
    });
    return this.asAuthorSees(actor, written);
  }

  /** Makes the author's scorecard final; every criterion must be rated and a recommendation given. */
  async submit(actor: Actor, scorecardId: string): Promise<Scorecard> {
    const written = await this.em.fork().transactional(async (em) => {
      const scorecard = await this.loadOwn(em, actor, scorecardId);
      const interview = await loadScoringContext(em, scorecard.interview.id);
      if (scorecard.status === ScorecardStatus.SUBMITTED)
        throw new ConflictException('This scorecard is already submitted.');
      if (interview.status === InterviewStatus.CANCELLED)
        throw new ConflictException('The interview was cancelled; it cannot be scored.');
      if (interview.startsAt.getTime() > Date.now()) {
        throw new ConflictException(
          `The interview starts at ${interview.startsAt.toISOString()}; submit once it has taken place.`,
        );
      }
      const missing = interview.criteria.filter(
        (criterion) => !scorecard.ratings.some((rating) => rating.criterionId === criterion.id),
      );
      const fields: FieldErrors = {};
      if (missing.length)
        fields.ratings = `rate every criterion; missing: ${missing.map((criterion) => criterion.name).join(', ')}`;
      if (!scorecard.recommendation) fields.recommendation = 'choose a recommendation before submitting';
      if (Object.keys(fields).length) {
        throw new BadUserInputException(`The scorecard is not complete: ${Object.values(fields).join('; ')}.`, fields);
      }
      scorecard.status = ScorecardStatus.SUBMITTED;
      scorecard.submittedAt = new Date();
      this.finalise(em, scorecard, interview);
      await this.webhooks.emit(em, WebhookEvent.SCORECARD_SUBMITTED, `scorecard.${scorecard.id}.submitted`, {
        scorecardId: scorecard.id,
        interviewId: interview.interviewId,
        applicationId: interview.applicationId,
        positionId: interview.positionId,
        stageId: interview.stageId,
        interviewerId: scorecard.interviewer.id,
        submittedAt: scorecard.submittedAt.toISOString(),
      });
      await em.flush();
      await this.decisions.evaluate(em, interview.applicationId, interview.stageId);
      return scorecard;
    });
    return this.asAuthorSees(actor, written);
  }

  /** Changes a submitted scorecard; only its author, with a reason. The previous content is kept. */
  async amend(actor: Actor, scorecardId: string, reason: string, content: ScorecardContent): Promise<Scorecard> {
    const written = await this.em.fork().transactional(async (em) => {
      const scorecard = await this.loadOwn(em, actor, scorecardId);
      if (scorecard.status !== ScorecardStatus.SUBMITTED) {
        throw new ConflictException('Only a submitted scorecard is amended; a draft is simply saved again.');
      }
      if (reason.trim() === '')
        throw new BadUserInputException('Say why you amend it.', { 'input.reason': 'must not be blank' });
      const interview = await loadScoringContext(em, scorecard.interview.id);
      const { ratings, questionRatings, skillVerdicts, redFlags, recommendation, notes } = scorecard;
      em.persist(
        new ScorecardAmendment(scorecard, em.getReference(User, actor.userId!), reason.trim(), {
          ratings,
          questionRatings,
          skillVerdicts,
          redFlags,
          recommendation,
          notes,
        }),
      );
      const checked = await this.check(em, interview, {
        ratings: content.ratings ?? ratings,
        questionRatings: content.questionRatings ?? questionRatings,
        skillVerdicts: content.skillVerdicts ?? skillVerdicts,
        redFlags: content.redFlags ?? redFlags,
        recommendation: content.recommendation ?? recommendation,
        notes: content.notes ?? notes,
      });
      if (
        interview.criteria.some((criterion) => !checked.ratings.some((rating) => rating.criterionId === criterion.id))
      ) {
        throw new BadUserInputException('An amended scorecard still rates every criterion.', {
          'input.ratings': 'rate every criterion',
        });
      }
      Object.assign(scorecard, checked);
      await em.nativeDelete(ApplicationSkillVerdict, { scorecard });
      this.finalise(em, scorecard, interview);
      await em.flush();
      await this.decisions.evaluate(em, interview.applicationId, interview.stageId);
      return scorecard;
    });
    return this.asAuthorSees(actor, written);
  }

  /**
   * The scorecards of these interviews the caller may read, by interview: blind until submitted
   * (Permission.ScorecardRead).
   */
  async visibleFor(actor: Actor, interviewIds: readonly string[]): Promise<Map<string, Scorecard[]>> {
    const cards = await this.em.find(
      Scorecard,
      { interview: { $in: [...interviewIds] }, ...this.access.where(actor, Permission.ScorecardRead) },
      { populate: ['interviewer'], orderBy: { createdAt: 'asc' } },
    );
    return new Map(interviewIds.map((id) => [id, cards.filter((card) => card.interview.id === id)]));
  }

  /**
   * A scorecard just written by its author, as they see it: whole (an author always reads their own
   * scorecard: ScorecardRead's `author` relation, and blind review never hides one's own). No second
   * read when the interviewer's row is already loaded (read with the scorecard; a new draft has none).
   */
  private asAuthorSees(actor: Actor, scorecard: Scorecard): Promise<Scorecard> {
    if (scorecard.interviewer.id === actor.userId && wrap(scorecard.interviewer).isInitialized()) {
      return Promise.resolve(scorecard);
    }
    return this.get(actor, scorecard.id);
  }

  /** FORBIDDEN while blind; NOT_FOUND for a scorecard of an interview the caller may not read. */
  async get(actor: Actor, id: string): Promise<Scorecard> {
    const scorecard = await this.em.findOne(Scorecard, { id }, { populate: ['interviewer', 'interview'] });
    if (!scorecard) throw new NotFoundException('Scorecard', id);
    if (await this.access.can(actor, Permission.ScorecardRead, id)) return scorecard;
    await this.access.require(actor, Permission.InterviewRead, scorecard.interview.id);
    throw new ForbiddenException('Scorecards are blind: submit your own for this stage before reading the others.');
  }

  amendments(scorecardId: string): Promise<ScorecardAmendment[]> {
    return this.em.find(
      ScorecardAmendment,
      { scorecard: scorecardId },
      { populate: ['author'], orderBy: { createdAt: 'asc' } },
    );
  }

  /** Fixes the weighted score and records the skill verdicts as the application's evidence. */
  private finalise(em: EntityManager, scorecard: Scorecard, interview: ScoringContext): void {
    const criteria = interview.criteria.map((criterion) => ({
      criterionId: criterion.id,
      name: criterion.name,
      weight: criterion.weight,
    }));
    scorecard.weightedScore = weightedScore(scorecard.ratings, criteria);
    for (const entry of scorecard.skillVerdicts) {
      const verdict = new ApplicationSkillVerdict({
        application: em.getReference(Application, interview.applicationId),
        skill: em.getReference(Skill, entry.skillId),
        stage: em.getReference(PlanStage, interview.stageId),
        verdict: entry.verdict,
      });
      Object.assign(verdict, { evidence: entry.evidence, scorecard, interviewer: scorecard.interviewer });
      em.persist(verdict);
    }
  }

  /**
   * Validates content against the stage: criteria of its rubric, questions of its list, scores on
   * its scale, skills it verifies.
   */
  private async check(em: EntityManager, interview: ScoringContext, content: ScorecardContent) {
    const fields: FieldErrors = {};
    const { scale, criteria } = interview;
    const ratings: StoredRating[] = [];
    (content.ratings ?? []).forEach((rating, index) => {
      const at = `input.ratings[${index}]`;
      if (!criteria.some((criterion) => criterion.id === rating.criterionId)) {
        fields[`${at}.criterionId`] = `not a criterion of the "${interview.stageName}" rubric`;
      } else if (ratings.some((entry) => entry.criterionId === rating.criterionId)) {
        fields[`${at}.criterionId`] = 'rated twice';
      }
      const problem = scale ? scoreProblem(rating.score, scale) : null;
      if (problem) fields[`${at}.score`] = problem;
      ratings.push({ criterionId: rating.criterionId, score: rating.score, evidence: rating.evidence?.trim() || null });
    });
    const questionRatings: StoredQuestionRating[] = (content.questionRatings ?? []).map((rating) => ({
      questionId: rating.questionId,
      score: rating.score,
      note: rating.note?.trim() || null,
    }));
    const questionProblems = questionRatingProblems(questionRatings, {
      name: interview.stageName,
      questionIds: interview.questionIds,
      scale,
    });
    for (const [path, message] of Object.entries(questionProblems)) fields[`input.${path}`] = message;
    // The stage's verifiable skills matter only to check verdicts; a draft without any skips the read.
    const verifiable = content.skillVerdicts?.length
      ? await em.find(SkillRequirement, { verifiedIn: interview.stageId })
      : [];
    const skillVerdicts: StoredSkillVerdict[] = [];
    (content.skillVerdicts ?? []).forEach((entry, index) => {
      if (!verifiable.some((requirement) => requirement.skill.id === entry.skillId)) {
        fields[`input.skillVerdicts[${index}].skillId`] = `"${interview.stageName}" does not verify this skill`;
      }
      skillVerdicts.push({ skillId: entry.skillId, verdict: entry.verdict, evidence: entry.evidence?.trim() || null });
    });
    if (Object.keys(fields).length) throw new BadUserInputException('The scorecard has invalid entries.', fields);
    return {
      ratings,
      questionRatings,
      skillVerdicts,
      redFlags: [...new Set((content.redFlags ?? []).map((flag) => flag.trim()).filter(Boolean))],
      recommendation: content.recommendation ?? null,
      notes: content.notes ?? null,
    };
  }

  private async loadOwn(em: EntityManager, actor: Actor, id: string): Promise<Scorecard> {
    const scorecard = await em.findOne(Scorecard, { id }, { populate: ['interviewer'] });
    if (!scorecard) throw new NotFoundException('Scorecard', id);
    if (scorecard.interviewer.id !== actor.userId)
      throw new ForbiddenException('Only its author can submit or amend a scorecard.');
    return scorecard;
  }
}
