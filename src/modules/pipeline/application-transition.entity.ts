import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { ApplicationStatus } from '../../../libs/domain';
import { BaseEntity } from '../../common/base.entity';
import { Application } from './application.entity';
import { User } from '../identity';

/** Append-only log of every pipeline action: who did what to which application, when and why. */
@Entity()
@Index({ properties: ['application', 'createdAt'] })
export class ApplicationTransition extends BaseEntity {
  @ManyToOne(() => Application, { deleteRule: 'cascade' }) application: Rel<Application>;
  @Property({ type: 'text' }) action: string;
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'application_status' }) fromStatus: ApplicationStatus;
  @Enum({ items: () => ApplicationStatus, nativeEnumName: 'application_status' }) toStatus: ApplicationStatus;
  @Property({ type: 'uuid', nullable: true }) fromStageId: string | null;
  @Property({ type: 'uuid', nullable: true }) toStageId: string | null;
  /** Null for the system actor. */
  @ManyToOne(() => User, { nullable: true }) actor: Rel<User> | null;
  @Property({ type: 'text', nullable: true }) reason: string | null;

  constructor(input: Omit<ApplicationTransition, 'id' | 'createdAt' | 'updatedAt'>) {
    super();
    this.application = input.application;
    this.action = input.action;
    this.fromStatus = input.fromStatus;
    this.toStatus = input.toStatus;
    this.fromStageId = input.fromStageId;
    this.toStageId = input.toStageId;
    this.actor = input.actor;
    this.reason = input.reason;
  }
}
