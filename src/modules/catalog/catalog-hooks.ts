import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { Hooks } from '../../common/hooks';
import type { InterviewPlan, PlanStage } from './interview-plan.entity';

/**
 * A plan that is not a template is a copy some record above the catalog owns (a position's own
 * plan). The catalog edits copies but does not know their owners, so the owning modules decide
 * through these hooks, inside the edit's transaction; a handler refuses by throwing.
 */
export interface CatalogEvents {
  /**
   * Before a copy changes: its owner checks that the actor may change it now. Exactly the owner's
   * handler answers; a copy nobody claims cannot be edited (NOT_FOUND).
   */
  'edit-copy': { em: EntityManager; plan: InterviewPlan; actor: Actor };
  /** Before a stage of a copy is removed (e.g. refused once applications went through it). */
  'remove-copy-stage': { em: EntityManager; plan: InterviewPlan; stage: PlanStage };
  /** Before stages of a copy move to other places in the plan, in the order given. */
  'move-copy-stages': { em: EntityManager; plan: InterviewPlan; stages: PlanStage[] };
}

/** The catalog's hooks, filled by the modules above it in `onModuleInit` (positions, pipeline). */
@Injectable()
export class CatalogHooks extends Hooks<CatalogEvents> {}
