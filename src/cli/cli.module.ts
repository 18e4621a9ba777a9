import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { CoreModule } from '../core.module';
import { DemoDataService } from '../modules/demo';
import { CatalogModule } from '../modules/catalog';
import { IdentityModule } from '../modules/identity';
import { PositionsModule } from '../modules/positions';
import { CandidatesModule } from '../modules/candidates';
import { PipelineModule } from '../modules/pipeline';
import { SchedulingModule } from '../modules/scheduling';
import { ScorecardsModule } from '../modules/scorecards';

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
        // The demo data moves applications: the modules that fill the pipeline's hooks come along.
        SchedulingModule,
        ScorecardsModule,
      ],
      providers: [DemoDataService],
    };
  }
}
