import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SkillPriority, SkillVerdict } from '../../../libs/domain';
import { ConflictException } from '../../common/errors/domain.exception';
import { PipelineHooks, type TransitionContext } from '../pipeline';
import { SchedulingHooks } from '../scheduling';
import { SkillVerificationService } from './skill-verification.service';
import { StageDecisionService } from './stage-decision.service';

/**
 * What scorecards plugs into the modules below it: the hire gate (a pipeline hook) and the stage
 * decision once an interview closes (a scheduling hook). Both run in the caller's transaction.
 */
@Injectable()
export class ScorecardHooks implements OnModuleInit {
  constructor(
    private readonly pipeline: PipelineHooks,
    private readonly scheduling: SchedulingHooks,
    private readonly verifications: SkillVerificationService,
    private readonly decisions: StageDecisionService,
  ) {}

  onModuleInit(): void {
    this.pipeline.on('before-hire', (context) => this.assertMustVerifySkillsVerified(context));
    // The closed interview may have been the last one its stage waited for.
    this.scheduling.on('interview-closed', async ({ em, interview }) => {
      await this.decisions.evaluate(em, interview.application.id, interview.stage.id);
    });
  }

  private async assertMustVerifySkillsVerified({ em, application }: TransitionContext): Promise<void> {
    const verifications = (await this.verifications.forApplications([application.id], em)).get(application.id) ?? [];
    const missing = verifications.filter(
      (entry) => entry.priority === SkillPriority.MUST_VERIFY && entry.verdict !== SkillVerdict.VERIFIED,
    );
    if (missing.length) {
      const list = missing.map((entry) => `${entry.skill.name} (${entry.verdict})`).join(', ');
      throw new ConflictException(`Cannot hire yet: these must-verify skills are not verified: ${list}.`, {
        unverifiedSkills: missing.map((entry) => entry.skill.id),
      });
    }
  }
}
