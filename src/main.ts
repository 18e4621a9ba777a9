// Entry point of the API (`npm run start:api`, `node dist/src/main.js`). With API_PROCESSES > 1 this
// process forks that many API processes on one port and supervises them (src/api-cluster.ts);
// otherwise it is the API process itself (src/api-app.ts).
import { isClusterPrimary, runApiCluster } from './api-cluster';
import { loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  if (isClusterPrimary(config.http.processes)) {
    runApiCluster(config.http.processes, config.shutdownTimeoutSeconds);
    return;
  }
  // Loaded only here: a cluster's primary needs none of the application (it would cost it ~150 MiB).
  const { serveApi } = await import('./api-app');
  await serveApi(config);
}

if (require.main === module) {
  main().catch(async (error: unknown) => (await import('./config/process-exit')).exitOnStartupFailure(error));
}
