import { DependencyUnavailableError } from './wait-for-dependencies';
import { ConfigError } from './app-config';

/** Entry points end here on a start-up failure: one clear line for known causes, a stack otherwise. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof DependencyUnavailableError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 69);
  }
  process.stderr.write(`Start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

/** After SIGTERM, exits anyway when graceful shutdown takes longer than the configured limit. */
export function armShutdownDeadline(seconds: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Graceful shutdown took over ${seconds}s; exiting.\n`);
        process.exit(1);
      }, seconds * 1000).unref();
    });
  }
}
