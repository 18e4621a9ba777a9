import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { BuiltInCatalogService } from '../modules/catalog';
import { DemoDataService } from '../modules/demo';
import { CliModule } from './cli.module';
import { loadDemoHistory } from './demo-history';

/**
 * Loads what a fresh installation needs: the bootstrap admin (created at init when no user
 * exists), the built-in interview plans and, when DEMO_DATA is on, the demo data with a few
 * hundred applications of history (written once; the time it took is printed). Idempotent.
 */
export async function seed(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    await app.init();
    await app.get(BuiltInCatalogService).load();
    if (config.demoData) {
      const demo = app.get(DemoDataService);
      await demo.load();
      const started = Date.now();
      const written = await loadDemoHistory(config.database.url, await demo.people());
      if (written) {
        process.stdout.write(`Demo data: ${written} applications of history written in ${Date.now() - started} ms\n`);
      }
    }
  } finally {
    await app.close();
  }
}
