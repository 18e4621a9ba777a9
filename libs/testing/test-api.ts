import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApiApp } from '../../src/api-app';
import { rateLimitPrefix } from '../../src/common/rate-limit/rate-limits';
import type { User } from '../../src/modules/identity';
import type { Role } from '../domain';
import { resetDatabase } from './database';
import { Factories, TEST_PASSWORD } from './factories';
import { LOGIN, type Operation } from './operations';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions: { code: string; fields?: Record<string, string>; [key: string]: unknown };
  }>;
}

/** One SQL statement a test saw the API send (TestApi.sqlDuring). */
export interface SqlStatement {
  sql: string;
  bindings: unknown[];
}

/**
 * The API listening on a free port, spoken to over real HTTP as a client would.
 * One per test file: `beforeAll(start)`, `afterAll(close)`, `beforeEach(reset)`.
 */
export class TestApi {
  app!: NestFastifyApplication;
  orm!: MikroORM;
  baseUrl = '';

  constructor(private readonly overrides: Partial<AppConfig> = {}) {}

  async start(): Promise<this> {
    this.app = await createApiApp({ ...loadConfig(), ...this.overrides });
    await this.app.listen(0, '127.0.0.1');
    this.baseUrl = await this.app.getUrl();
    this.orm = this.app.get(MikroORM);
    return this;
  }

  async close(): Promise<void> {
    await this.app?.close();
  }

  /**
   * The SQL statements this API process sends while `work` runs (with their bindings), and what
   * `work` returned: how tests count a request's statements.
   */
  async sqlDuring<T>(work: () => Promise<T>): Promise<{ result: T; statements: SqlStatement[] }> {
    const statements: SqlStatement[] = [];
    const knex = this.orm.em.getConnection().getKnex();
    const listener = (query: { sql: string; bindings?: unknown[] }) =>
      statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
    knex.on('query', listener);
    try {
      return { result: await work(), statements };
    } finally {
      knex.off('query', listener);
    }
  }

  /** Empties the application tables and forgets every rate-limit counter of this run. */
  async reset(): Promise<void> {
    await resetDatabase(this.orm);
    const config = { ...loadConfig(), ...this.overrides };
    const redis = new Redis(config.redis.url);
    try {
      const keys = await redis.keys(`${rateLimitPrefix(config)}:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }

  /**
   * Sends an operation of libs/testing/operations (its variables are checked, its data typed), or
   * a query string where the test is about GraphQL itself (syntax, depth, introspection).
   */
  gql<Data, Variables>(
    operation: Operation<Data, Variables>,
    variables: NoInfer<Variables>,
    accessToken?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  gql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    accessToken?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  async gql(
    query: string | Operation<unknown, unknown>,
    variables: unknown = {},
    accessToken?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<unknown>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : query.text, variables }),
    });
    return (await response.json()) as GraphQLResponse<unknown>;
  }

  /** Inserts a user directly (no GraphQL), with TEST_PASSWORD unless given. */
  createUser(input: {
    email: string;
    roles: Role[];
    name?: string;
    timezone?: string;
    password?: string;
  }): Promise<User> {
    return new Factories(this.orm).user(input);
  }

  /** Signs in through the API and returns the access token. */
  async login(email: string, password = TEST_PASSWORD): Promise<string> {
    const result = await this.gql(LOGIN, { input: { email, password } });
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken;
  }

  /** Creates a user with the roles and returns an access token for them. */
  async signedIn(email: string, roles: Role[]): Promise<{ user: User; token: string }> {
    const user = await this.createUser({ email, roles });
    return { user, token: await this.login(email) };
  }
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions.code;
}
