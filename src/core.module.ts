import { Module, type DynamicModule } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { loggerParams } from './config/logging';
import { mikroOrmOptions } from './config/mikro-orm.config';
import { AccessModule } from './modules/access';

/** What both processes share: configuration, structured logs, the database and the access rules. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, processName: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, processName)),
        MikroOrmModule.forRoot({ ...mikroOrmOptions(config), registerRequestContext: true }),
        AccessModule,
      ],
    };
  }
}
