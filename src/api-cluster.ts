// API_PROCESSES > 1: this process becomes a Node cluster primary that serves nothing itself. It
// forks that many copies of the API entry point; each builds its own application and listens on
// PORT, and the primary hands each new connection to one of them in turn (Node's round-robin
// scheduling). The copies share no memory: everything that must agree between them is in
// PostgreSQL or Redis (docs/operations.md#scaling-out).
import cluster, { type Worker } from 'node:cluster';

/**
 * Forks `count` API processes and supervises them. SIGTERM or SIGINT is passed on to each; once all
 * have exited, this process exits with the highest exit code. A process that exits on its own (a
 * crash, a start-up failure) stops the others, and the supervisor above (systemd, Kubernetes,
 * `npm start`) restarts the whole group: no crash loop hides here.
 */
export function runApiCluster(count: number, shutdownTimeoutSeconds: number): void {
  const workers: Worker[] = [];
  let stopping = false;
  let exitCode = 0;
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of workers) if (!worker.isDead()) worker.process.kill(signal);
    // Each process cuts its own requests after SHUTDOWN_TIMEOUT_SECONDS; this only catches one that hangs.
    setTimeout(
      () => {
        for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
      },
      (shutdownTimeoutSeconds + 5) * 1000,
    ).unref();
  };
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGTERM'));
  cluster.on('exit', (worker, code, signal) => {
    const status = code ?? (signal ? 1 : 0);
    if (!stopping) {
      process.stderr.write(
        `API process ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping the other API processes.\n`,
      );
      exitCode = Math.max(exitCode, status || 1);
      stopAll('SIGTERM');
    } else {
      exitCode = Math.max(exitCode, status);
    }
    if (workers.every((each) => each.isDead())) process.exit(exitCode);
  });
  for (let index = 0; index < count; index++) workers.push(cluster.fork());
}

/** True in the process that should fork the API processes rather than serve. */
export function isClusterPrimary(count: number): boolean {
  return count > 1 && cluster.isPrimary;
}
