export { AccessModule } from './access.module';
export { AccessService, type AccessCondition } from './access.service';
export { Permission, PERMISSIONS, type Relation, type Rule, type Subject } from './permissions';
