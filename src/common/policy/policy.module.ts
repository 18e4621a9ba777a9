import { Module } from '@nestjs/common';
import { AccessPolicy } from './access-policy';
import { ApplicationAccess } from './application-access';

/** The ownership rules every module asks; one instance, so ApplicationAccess computes a scope once per request. */
@Module({ providers: [AccessPolicy, ApplicationAccess], exports: [AccessPolicy, ApplicationAccess] })
export class PolicyModule {}
