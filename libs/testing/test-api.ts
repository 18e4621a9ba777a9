import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import Redis from 'ioredis';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApiApp } from '../../src/main';
import { rateLimitPrefix } from '../../src/common/rate-limit/rate-limits';
import { PasswordHasher, User } from '../../src/modules/identity';
import type { Role } from '../domain';
import { resetDatabase } from './database';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions: { code: string; fields?: Record<string, string>; [key: string]: unknown };
  }>;
}

export const TEST_PASSWORD = 'correct-horse-battery';

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

  async gql<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    accessToken?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<Data>;
  }

  /** Inserts a user directly (no GraphQL), with TEST_PASSWORD unless given. */
  async createUser(input: {
    email: string;
    roles: Role[];
    name?: string;
    timezone?: string;
    password?: string;
  }): Promise<User> {
    const em = this.orm.em.fork();
    const user = new User({
      email: input.email.toLowerCase(),
      name: input.name ?? input.email.split('@')[0]!,
      roles: input.roles,
      timezone: input.timezone,
      passwordHash: await new PasswordHasher().hash(input.password ?? TEST_PASSWORD),
    });
    await em.persistAndFlush(user);
    return user;
  }

  /** Signs in through the API and returns the access token. */
  async login(email: string, password = TEST_PASSWORD): Promise<string> {
    const result = await this.gql<{ login: { accessToken: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password } },
    );
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
export function errorCode(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions.code;
}
