// An extra worker process for bench/reminders.bench.ts `--workers K` (K - 1 of these beside the
// bench's own): the real worker (createWorkerApp) on the configuration the parent sends, so that
// several processes share the queues as a deployment with several workers does.
//   parent -> child: { type: 'start', config } once; { type: 'cpu' } for the CPU time used since
//   the start ({ type: 'cpu', cpuMs }); { type: 'close' } to stop (answers { type: 'closed' }).
//   child -> parent: { type: 'started' } once its processors run.
import 'reflect-metadata';
import type { AppConfig } from '../src/config/app-config';
import { createWorkerApp } from '../src/worker';

let cpuAtStart = process.cpuUsage();
let close: () => Promise<void> = async () => undefined;

process.on('message', (message: { type: string; config?: AppConfig }) => {
  if (message.type === 'start') {
    void (async () => {
      const worker = await createWorkerApp(message.config!);
      await worker.init();
      close = () => worker.close();
      cpuAtStart = process.cpuUsage();
      process.send?.({ type: 'started' });
    })().catch((error: unknown) => {
      process.stderr.write(`extra worker failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    });
  }
  if (message.type === 'cpu') {
    const cpu = process.cpuUsage(cpuAtStart);
    process.send?.({ type: 'cpu', cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message.type === 'close') {
    void close().then(() => {
      process.send?.({ type: 'closed' });
      process.exit(0);
    });
  }
});
// The parent died: do not linger.
process.on('disconnect', () => process.exit(0));
