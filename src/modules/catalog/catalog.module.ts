import { Module } from '@nestjs/common';
import { BuiltInCatalogService } from './built-in-catalog.service';
import { CatalogHooks } from './catalog-hooks';
import { CatalogLoaders } from './catalog.loaders';
import { CatalogResolver, PracticalTaskResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { PlanEditorService } from './plan-editor.service';

@Module({
  providers: [
    CatalogService,
    PlanEditorService,
    CatalogHooks,
    CatalogResolver,
    PracticalTaskResolver,
    BuiltInCatalogService,
    CatalogLoaders,
  ],
  exports: [BuiltInCatalogService, CatalogHooks, CatalogLoaders],
})
export class CatalogModule {}
