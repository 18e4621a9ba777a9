import 'reflect-metadata';
import type { ModuleMetadata, Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { MikroORM, RequestContext, type EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../domain';
import type { Actor } from '../../src/common/auth/actor';
import { loadConfig } from '../../src/config/app-config';
import { CoreModule } from '../../src/core.module';
import { resetDatabase } from './database';
import { Factories } from './factories';

/**
 * Real modules on the run's database, without HTTP or GraphQL: CoreModule (configuration, logging,
 * MikroORM) plus the feature modules a service under test needs. Compose them as src/api.module.ts
 * and src/worker.module.ts do; a module whose hooks a service fires must be loaded too (the
 * pipeline's transitions need scheduling and scorecards).
 * One per test file: `beforeAll(start)`, `afterAll(close)`, `beforeEach(reset)`.
 */
export class ServiceContext {
  module!: TestingModule;
  orm!: MikroORM;
  factories!: Factories;

  constructor(private readonly imports: NonNullable<ModuleMetadata['imports']>) {}

  async start(): Promise<this> {
    this.module = await Test.createTestingModule({
      imports: [CoreModule.forRoot(loadConfig(), 'worker'), ...this.imports],
    }).compile();
    // Module init fills the hooks (onModuleInit), as in the API and the worker.
    await this.module.init();
    this.orm = this.module.get(MikroORM);
    this.factories = new Factories(this.orm);
    return this;
  }

  async close(): Promise<void> {
    await this.module?.close();
  }

  reset(): Promise<void> {
    return resetDatabase(this.orm);
  }

  /** A provider of any loaded module, exported or not. */
  get<T>(type: Type<T>): T {
    return this.module.get(type, { strict: false });
  }

  /**
   * Runs `work` as one API request runs it: in a request context of its own, so services that use
   * the injected EntityManager get a fresh unit of work (outside one, MikroORM refuses the global
   * EntityManager).
   */
  request<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.orm.em, work);
  }

  /** A fresh EntityManager for reading back what a service wrote. */
  em(): EntityManager {
    return this.orm.em.fork();
  }
}

/** The signed-in user as the guard hands them to services. */
export function actorOf(user: { id: string; roles: readonly Role[] }): Actor {
  return { kind: 'user', userId: user.id, roles: [...user.roles] };
}
