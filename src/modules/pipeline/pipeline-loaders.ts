import { Injectable } from '@nestjs/common';
import { EntityManager, LoadStrategy } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { ApplicationAccess, showsContactOf } from '../candidates/application-access';
import { requestLoader } from '../../graphql/request-loader';
import { PlanStageType, SkillType } from '../catalog/graphql/catalog.type';
import { PlanStage } from '../catalog/interview-plan.entity';
import { Candidate } from '../candidates/candidate.entity';
import { CandidateType, SkillVerificationType, StageVisitType } from '../candidates/graphql/candidate.type';
import { UserType } from '../identity/graphql/user.type';
import { PositionType } from '../positions/graphql/position.type';
import { Position } from '../positions/position.entity';
import { InterviewsResolver } from '../scheduling/interviews.resolver';
import { SchedulingService } from '../scheduling/scheduling.service';
import { SkillVerificationService } from '../scorecards/skill-verification.service';
import { StageVisit } from './stage-visit.entity';

const STAGE_GRAPH = ['rubric.criteria', 'questionLinks.question.skills', 'practicalTask'] as const;

/** Per-request batch loaders for the relations of applications: a list costs a fixed number of queries. */
@Injectable()
export class PipelineLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ApplicationAccess,
    private readonly verifications: SkillVerificationService,
    private readonly scheduling: SchedulingService,
  ) {}

  candidate(context: object, actor: Actor) {
    return requestLoader<string, CandidateType>(context, 'candidates', async (ids) => {
      const rows = new Map((await this.em.find(Candidate, { id: { $in: [...ids] } })).map((row) => [row.id, row]));
      const scope = await this.access.scope(actor);
      return ids.map((id) =>
        rows.has(id)
          ? CandidateType.from(rows.get(id)!, showsContactOf(scope, id))
          : new Error(`candidate ${id} not found`),
      );
    });
  }

  position(context: object) {
    return requestLoader<string, PositionType>(context, 'positions', async (ids) => {
      const rows = await this.em.find(
        Position,
        { id: { $in: [...ids] } },
        { populate: ['hiringManager', 'recruiters'] },
      );
      const byId = new Map(rows.map((row) => [row.id, PositionType.from(row)]));
      return ids.map((id) => byId.get(id) ?? new Error(`position ${id} not found`));
    });
  }

  stage(context: object) {
    return requestLoader<string, PlanStageType>(context, 'stages', async (ids) => {
      const rows = await this.em.find(
        PlanStage,
        { id: { $in: [...ids] } },
        { populate: STAGE_GRAPH, strategy: LoadStrategy.SELECT_IN },
      );
      const byId = new Map(rows.map((row) => [row.id, PlanStageType.from(row)]));
      return ids.map((id) => byId.get(id) ?? new Error(`stage ${id} not found`));
    });
  }

  stageHistory(context: object) {
    return requestLoader<string, StageVisitType[]>(context, 'stageHistory', async (ids) => {
      const visits = await this.em.find(
        StageVisit,
        { application: { $in: [...ids] } },
        {
          populate: ['decidedBy', ...STAGE_GRAPH.map((path) => `stage.${path}` as const)],
          orderBy: { enteredAt: 'asc', createdAt: 'asc' },
          strategy: LoadStrategy.SELECT_IN,
        },
      );
      return ids.map((id) =>
        visits
          .filter((visit) => visit.application.id === id)
          .map((visit) =>
            Object.assign(new StageVisitType(), {
              stage: PlanStageType.from(visit.stage),
              enteredAt: visit.enteredAt,
              exitedAt: visit.exitedAt,
              outcome: visit.outcome,
              decidedBy: visit.decidedBy ? UserType.from(visit.decidedBy) : null,
              reason: visit.reason,
              reasonCode: visit.reasonCode,
            }),
          ),
      );
    });
  }

  skillVerifications(context: object) {
    return requestLoader<string, SkillVerificationType[]>(context, 'skillVerifications', async (ids) => {
      const byApplication = await this.verifications.forApplications(ids);
      return ids.map((id) =>
        (byApplication.get(id) ?? []).map((entry) =>
          Object.assign(new SkillVerificationType(), {
            skill: SkillType.from(entry.skill),
            priority: entry.priority,
            verdict: entry.verdict,
            evidence: entry.evidence.map((row) => ({
              verdict: row.verdict,
              stageName: row.stage.name,
              interviewer: row.interviewer ? UserType.from(row.interviewer) : null,
              evidence: row.evidence,
              recordedAt: row.createdAt,
            })),
          }),
        ),
      );
    });
  }

  interviews(context: object) {
    return InterviewsResolver.loader(context, this.scheduling);
  }
}
