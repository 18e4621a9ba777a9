import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { BuiltInCatalogService } from '../modules/catalog';
import { DemoDataService } from '../modules/demo';
import { CliModule } from './cli.module';

/**
 * Loads what a fresh installation needs: the bootstrap admin (created at init when no user
 * exists), the built-in interview plans and, when DEMO_DATA is on, the demo data. Idempotent.
 */
export async function seed(config: AppConfig): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    await app.init();
    await app.get(BuiltInCatalogService).load();
    if (config.demoData) await app.get(DemoDataService).load();
  } finally {
    await app.close();
  }
}
