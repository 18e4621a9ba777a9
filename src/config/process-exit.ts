import { JobRegistryError } from '../../libs/jobs/job-registry';
import { RedisPolicyError } from '../../libs/jobs/redis-policy';
import { DependencyUnavailableError } from './wait-for-dependencies';
import { ConfigError } from './app-config';

/** Exit codes of the known start-up failures (sysexits.h). */
function exitCodeOf(error: unknown): number | null {
  if (error instanceof ConfigError) return 78; // EX_CONFIG
  if (error instanceof DependencyUnavailableError) return 69; // EX_UNAVAILABLE
  if (error instanceof JobRegistryError) return 70; // EX_SOFTWARE: the code is wired wrong
  if (error instanceof RedisPolicyError) return 78; // EX_CONFIG: Redis is configured wrong
  return null;
}

/** Entry points end here on a start-up failure: one clear line for known causes, a stack otherwise. */
export function exitOnStartupFailure(error: unknown): never {
  const code = exitCodeOf(error);
  if (code !== null) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(code);
  }
  process.stderr.write(`Start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

interface Closable {
  close(): Promise<void>;
  /** An API application: its HTTP server is closed first, see below. */
  getHttpAdapter?(): { close(): Promise<unknown>; getHttpServer(): { closeIdleConnections?(): void } };
}

/**
 * On SIGTERM or SIGINT: close the application (stop taking work, let in-flight requests and jobs
 * finish, close connections) and exit 0; exit 1 if that takes longer than `seconds`.
 *
 * The HTTP server is closed before the application: Apollo's Fastify drain plugin, which Nest
 * installs and runs when the application closes, cuts every open connection after a fixed 10 s.
 * Closing Fastify first lets in-flight requests run for the whole grace period; the drain plugin
 * then finds nothing left to cut. A keep-alive connection whose request finishes after the close
 * began would keep the server open until its keep-alive timeout, so idle ones are swept meanwhile.
 */
export function closeOnSignals(app: Closable, seconds: number): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal} received: shutting down gracefully (at most ${seconds}s).\n`);
    setTimeout(() => {
      process.stderr.write(`Graceful shutdown took over ${seconds}s; exiting.\n`);
      process.exit(1);
    }, seconds * 1000).unref();
    const http = app.getHttpAdapter?.();
    const server = http?.getHttpServer();
    const sweep = setInterval(() => server?.closeIdleConnections?.(), 250).unref();
    Promise.resolve(http?.close())
      .then(() => clearInterval(sweep))
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
