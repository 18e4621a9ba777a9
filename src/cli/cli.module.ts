import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { CoreModule } from '../core.module';
import { DemoDataService } from '../modules/demo/demo-data.service';
import { CatalogModule } from '../modules/catalog/catalog.module';
import { IdentityModule } from '../modules/identity/identity.module';
import { PositionsModule } from '../modules/positions/positions.module';
import { CandidatesModule } from '../modules/candidates/candidates.module';
import { PipelineModule } from '../modules/pipeline/pipeline.module';

/** Services the command-line tasks (seeding) need, without HTTP or workers. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(config, 'api'),
        IdentityModule,
        CatalogModule,
        PositionsModule,
        CandidatesModule,
        PipelineModule,
      ],
      providers: [DemoDataService],
    };
  }
}
