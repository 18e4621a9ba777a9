import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * One thing the reconciler rebuilds from PostgreSQL: it puts every job that should be waiting in
 * Redis back under its deterministic id when it is missing, and returns how many it added. It must
 * be safe to run at any time and any number of times, from several workers at once.
 */
export interface RebuildStep {
  name: string;
  run(moduleRef: ModuleRef): Promise<number | unknown>;
}

export const REBUILD_STEPS = Symbol('REBUILD_STEPS');
export const RECONCILE_INTERVAL_MS = Symbol('RECONCILE_INTERVAL_MS');

/**
 * PostgreSQL is the source of truth, Redis only does the timing. At worker start and every
 * RECONCILE_INTERVAL_SECONDS the reconciler runs each rebuild step, so jobs Redis lost (a flush, a
 * restart without persistence, a failover) come back. Deterministic job ids and idempotent
 * processors make a job rebuilt twice, or rebuilt while it runs, harmless. A failing step is
 * logged and retried on the next pass; the other steps still run.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(REBUILD_STEPS) private readonly steps: readonly RebuildStep[],
    @Inject(RECONCILE_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  /** One pass over every step; returns what each added (null when it failed). */
  async reconcile(): Promise<Record<string, number | null>> {
    const added: Record<string, number | null> = {};
    for (const step of this.steps) {
      try {
        const result = await step.run(this.moduleRef);
        added[step.name] = typeof result === 'number' ? result : 0;
      } catch (error) {
        added[step.name] = null;
        this.logger.warn(`Reconciler step "${step.name}" failed, retried next pass: ${(error as Error).message}`);
      }
    }
    return added;
  }

  /** After every processor's bootstrap (they run in module order): the first pass starts on the next tick. */
  onApplicationBootstrap(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.reconcile();
      await this.running;
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.intervalMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
