import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { skillVerdictOf, type SkillPriority, type SkillVerdict } from '../../../libs/domain';
import { SkillRequirement } from '../catalog';
import type { Skill } from '../catalog';
import { Application } from '../pipeline';
import { ApplicationSkillVerdict } from './skill-verdict.entity';

export interface SkillVerification {
  skill: Skill;
  priority: SkillPriority;
  verdict: SkillVerdict;
  /** Stage keys of the plan that verify the skill. */
  verifiedInStageIds: string[];
  evidence: ApplicationSkillVerdict[];
}

/** Per application and skill of its plan: the verdict the recorded verdicts add up to, with the trail. */
@Injectable()
export class SkillVerificationService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Everything recorded, for the rules (the hire gate). `verdicts` narrows the recorded verdicts
   * (e.g. to those a reader may see): the verdict is then what those add up to.
   */
  async forApplications(
    applicationIds: readonly string[],
    em: EntityManager = this.em,
    verdicts: Record<string, unknown> = {},
  ): Promise<Map<string, SkillVerification[]>> {
    const applications = await em.find(Application, { id: { $in: [...applicationIds] } }, { populate: ['position'] });
    const planIds = [...new Set(applications.map((application) => application.position.plan.id))];
    const [requirements, recorded] = await Promise.all([
      em.find(
        SkillRequirement,
        { plan: { $in: planIds } },
        { populate: ['skill', 'verifiedIn'], orderBy: { position: 'asc' } },
      ),
      em.find(
        ApplicationSkillVerdict,
        { application: { $in: [...applicationIds] }, ...verdicts },
        { populate: ['stage', 'interviewer'], orderBy: { createdAt: 'asc' } },
      ),
    ]);
    return new Map(
      applications.map((application) => [
        application.id,
        requirements
          .filter((requirement) => requirement.plan.id === application.position.plan.id)
          .map((requirement) => {
            const evidence = recorded.filter(
              (entry) => entry.application.id === application.id && entry.skill.id === requirement.skill.id,
            );
            return {
              skill: requirement.skill,
              priority: requirement.priority,
              verdict: skillVerdictOf(
                evidence.map((entry) => ({ verdict: entry.verdict, stageOrder: entry.stage.order })),
              ),
              verifiedInStageIds: requirement.verifiedIn.getItems().map((stage) => stage.id),
              evidence,
            };
          }),
      ]),
    );
  }
}
