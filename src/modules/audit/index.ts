export { AuditEntry } from './audit-entry.entity';
export { AuditService, type NewAuditEntry } from './audit.service';
export { noteContactReads } from './audit-context';
export { AuditModule } from './audit.module';
export { AuditPlugin } from './audit.plugin';
