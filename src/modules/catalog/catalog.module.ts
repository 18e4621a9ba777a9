import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { BuiltInCatalogService } from './built-in-catalog.service';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { PlanEditorService } from './plan-editor.service';

@Module({
  imports: [IdentityModule],
  providers: [CatalogService, PlanEditorService, CatalogResolver, BuiltInCatalogService],
  exports: [CatalogService, BuiltInCatalogService],
})
export class CatalogModule {}
