import { Module, type DynamicModule } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
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
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { process: processName, pid: process.pid },
            // Credentials both ways: the bearer token and cookies in, the refresh-token cookie out.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
          },
        }),
        MikroOrmModule.forRoot({ ...mikroOrmOptions(config), registerRequestContext: true }),
        AccessModule,
      ],
    };
  }
}
