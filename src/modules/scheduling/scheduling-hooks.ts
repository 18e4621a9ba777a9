import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Hooks } from '../../common/hooks';
import type { Interview } from './interview.entity';

export interface SchedulingEvents {
  /**
   * An interview was completed (or marked a no-show) or cancelled by a person, and flushed in the
   * caller's transaction; its application and stage are loaded. Scorecards evaluates the stage's
   * decision here. Interviews cancelled because their application was decided do not fire it.
   */
  'interview-closed': { em: EntityManager; interview: Interview };
}

/** Scheduling's hooks, filled by the modules above it in `onModuleInit`. */
@Injectable()
export class SchedulingHooks extends Hooks<SchedulingEvents> {}
