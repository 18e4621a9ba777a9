import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PositionStatus } from '../../../libs/domain';
import { ConflictException, NotFoundException } from '../../common/errors/domain.exception';
import { AccessService, Permission } from '../access';
import { CatalogHooks } from '../catalog';
import { Position } from './position.entity';

/** A position owns its plan: its team edits it while the position is not closed (a catalog hook). */
@Injectable()
export class PositionPlanRules implements OnModuleInit {
  constructor(
    private readonly catalog: CatalogHooks,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.catalog.on('edit-copy', async ({ em, plan, actor }) => {
      const position = await em.findOne(Position, { plan });
      if (!position) throw new NotFoundException('Interview plan', plan.id);
      await this.access.require(actor, Permission.PositionManage, position.id, em);
      if (position.status === PositionStatus.CLOSED) {
        throw new ConflictException(`Position "${position.title}" is closed; its plan can no longer change.`);
      }
    });
  }
}
