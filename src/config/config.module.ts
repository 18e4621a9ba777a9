import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';
import { withGeneratedSecrets } from './generated-secrets';

/**
 * Makes the validated configuration injectable everywhere as APP_CONFIG, with the generated
 * access-token secret filled in outside production when none is configured.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useFactory: () => withGeneratedSecrets(config) }],
      exports: [APP_CONFIG],
    };
  }
}
