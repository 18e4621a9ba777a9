import { Module } from '@nestjs/common';
import { AuditPlugin } from './audit.plugin';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Module({
  providers: [AuditService, AuditResolver, AuditPlugin],
  exports: [AuditService],
})
export class AuditModule {}
