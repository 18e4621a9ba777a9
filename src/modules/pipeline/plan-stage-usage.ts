import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConflictException } from '../../common/errors/domain.exception';
import { CatalogHooks } from '../catalog';
import { StageVisit } from './stage-visit.entity';

/** A stage applications went through stays in its plan, in its place (catalog hooks). */
@Injectable()
export class PlanStageUsage implements OnModuleInit {
  constructor(private readonly catalog: CatalogHooks) {}

  onModuleInit(): void {
    this.catalog.on('remove-copy-stage', async ({ em, stage }) => {
      if ((await em.count(StageVisit, { stage })) > 0) {
        throw new ConflictException(`Applications have already been through "${stage.name}"; it cannot be removed.`);
      }
    });
    this.catalog.on('move-copy-stages', async ({ em, stages }) => {
      if (stages.length === 0) return;
      const visited = await em.find(StageVisit, { stage: { $in: stages } }, { fields: ['stage'] });
      const moved = stages.find((stage) => visited.some((visit) => visit.stage.id === stage.id));
      if (moved) {
        throw new ConflictException(
          `Applications have already been through "${moved.name}"; it keeps its place in the plan.`,
        );
      }
    });
  }
}
