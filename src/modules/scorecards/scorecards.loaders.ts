import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { LoaderKey, requestLoader } from '../../graphql/request-loader';
import { AccessService, Permission } from '../access';
import { SkillType } from '../catalog';
import { UserType } from '../identity';
import { ScorecardType } from './graphql/scorecard.type';
import { SkillVerificationType } from './graphql/skill-verification.type';
import { ScorecardsService } from './scorecards.service';
import { SkillVerificationService } from './skill-verification.service';

const SKILL_VERIFICATIONS = new LoaderKey<string, SkillVerificationType[]>('scorecards.skillVerifications');
const OF_INTERVIEW = new LoaderKey<string, ScorecardType[]>('scorecards.scorecardsOfInterview');

/** Per-request batch loaders: an application's skill verifications, an interview's scorecards the caller may read. */
@Injectable()
export class ScorecardsLoaders {
  constructor(
    private readonly verifications: SkillVerificationService,
    private readonly scorecards: ScorecardsService,
    private readonly access: AccessService,
  ) {}

  /** Built from the recorded verdicts the caller may read (blind review), with their verdict. */
  skillVerifications(context: object, actor: Actor) {
    return requestLoader(context, SKILL_VERIFICATIONS, async (ids) => {
      const byApplication = await this.verifications.forApplications(
        ids,
        undefined,
        this.access.where(actor, Permission.SkillVerdictRead),
      );
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

  /** Blind until submitted (ScorecardsService.visibleFor). */
  ofInterview(context: object, actor: Actor) {
    return requestLoader(context, OF_INTERVIEW, async (ids) => {
      const visible = await this.scorecards.visibleFor(actor, ids);
      return ids.map((id) => (visible.get(id) ?? []).map((card) => ScorecardType.from(card)));
    });
  }
}
