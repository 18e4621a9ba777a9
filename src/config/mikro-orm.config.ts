import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { MIGRATIONS } from '../../migrations';
import { loadConfig, type AppConfig } from './app-config';
import { ENTITIES } from './entities';

/** The one MikroORM configuration: the app, the CLI scripts and the tests all use it. */
export function mikroOrmOptions(config: AppConfig = loadConfig(), overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: config.database.url,
    replicas: config.database.readUrls.map((clientUrl) => ({ clientUrl })),
    // Reads go to the primary unless a query asks for a replica (analytics does), so a user
    // always reads what they just wrote.
    preferReadReplicas: false,
    pool: { min: 0, max: config.database.poolMax },
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: 'migrations',
      pathTs: 'migrations',
      migrationsList: MIGRATIONS,
      snapshot: true,
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    // Outside a request every unit of work must fork its own EntityManager.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    ...overrides,
  });
}

export default mikroOrmOptions;
