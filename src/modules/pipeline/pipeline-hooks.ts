import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PipelineAction } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { Hooks } from '../../common/hooks';
import type { Application } from './application.entity';

/** What a transition hook sees: the transition's EntityManager (its transaction), the locked application, who acts. */
export interface TransitionContext {
  em: EntityManager;
  application: Application;
  actor: Actor;
  action: PipelineAction;
}

export type PipelineEvents = {
  /** Before the action changes anything; a handler that throws refuses the action (e.g. the hire gate). */
  [Action in PipelineAction as `before-${Action}`]: TransitionContext;
} & {
  /** The application was just decided (hired, rejected, withdrawn); the change is not flushed yet. */
  decided: TransitionContext;
};

/**
 * The pipeline's hooks. Modules above the pipeline fill them in `onModuleInit` (scheduling cancels a
 * decided application's interviews, scorecards gates the hire), so a process that runs transitions
 * must load those modules: the API and the worker both do.
 */
@Injectable()
export class PipelineHooks extends Hooks<PipelineEvents> {}
