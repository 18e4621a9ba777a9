import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import { Client, type Pool } from 'pg';
import { Role } from '../libs/domain';
import type { AppConfig } from '../src/config/app-config';
import { ensureDatabase, migrate } from '../src/cli/database';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, PasswordHasher, User } from '../src/modules/identity';

export type Post = (query: string, variables?: object, token?: string) => Promise<any>;

/** Signs in again after this long: access tokens live 15 minutes, and a bench can run for longer. */
const TOKEN_REFRESH_MS = 10 * 60_000;

/**
 * Drops and recreates the database of `config.database.url`, then migrates it. Refuses a database
 * whose name lacks any of `mustContain` (at least "bench"): it is thrown away.
 */
export async function recreateBenchDatabase(config: AppConfig, mustContain: string[] = []): Promise<void> {
  const url = new URL(config.database.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  for (const part of ['bench', ...mustContain]) {
    if (!name.includes(part)) throw new Error(`refusing to drop "${name}": its name must contain "${part}"`);
  }
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
  await admin.end();
  await ensureDatabase(config);
  await migrate(config);
}

/**
 * A GraphQL client of a listening service, signed in as a fresh admin (`email`, made again on every
 * run with a random password): the benches' way in. `asAdmin` sends with the admin's token and
 * signs in again before it expires; `post` sends with the token it is given, or none.
 */
export async function signedInAdmin(
  app: NestFastifyApplication,
  email: string,
): Promise<{ post: Post; asAdmin: (query: string, variables?: object) => Promise<any>; token: () => Promise<string> }> {
  return signedInAs(app, email, [Role.ADMIN]);
}

/** signedInAdmin for a fresh user with any roles (`asAdmin` then sends as that user). */
export async function signedInAs(
  app: NestFastifyApplication,
  email: string,
  roles: Role[],
): Promise<{ post: Post; asAdmin: (query: string, variables?: object) => Promise<any>; token: () => Promise<string> }> {
  const url = `${await app.getUrl()}/graphql`;
  const em = app.get(MikroORM).em.fork();
  const password = `bench-${randomUUID()}`;
  const existing = await em.findOne(User, { email });
  if (existing) em.remove(existing);
  await em.flush();
  em.persist(new User({ email, name: 'Bench', roles, passwordHash: await new PasswordHasher().hash(password) }));
  await em.flush();
  const post: Post = async (query, variables = {}, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  let current: { token: Promise<string>; at: number } | null = null;
  // One sign-in at a time: requests sent together share it.
  const token = () => {
    if (!current || Date.now() - current.at > TOKEN_REFRESH_MS) {
      current = {
        at: Date.now(),
        token: post(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, {
          input: { email, password },
        }).then((data: { login: { accessToken: string } }) => data.login.accessToken),
      };
    }
    return current.token;
  };
  return { post, asAdmin: async (query, variables) => post(query, variables, await token()), token };
}

/**
 * The benches' users, made directly in the database (no password: they never sign in), and access
 * tokens for them signed with the service's secret, as a login would (`ttlSeconds` long).
 */
export function benchUsers(pool: Pool, config: AppConfig, ttlSeconds = 3600) {
  const jwt = new JwtService({ secret: config.auth.accessSecret });
  return {
    async user(email: string, roles: Role[]): Promise<string> {
      const { rows } = await pool.query<{ id: string }>(
        `insert into app_user (id, created_at, updated_at, email, name, roles, timezone, password_hash)
         values ($1, now(), now(), $2, $3, $4, 'UTC', 'bench-no-login')
         on conflict (email) do update set roles = excluded.roles, deactivated_at = null returning id`,
        [randomUUID(), email, email.split('@')[0], roles],
      );
      return rows[0]!.id;
    },
    token(userId: string): string {
      return jwt.sign(
        { sub: userId, typ: 'access' },
        { algorithm: 'HS256', expiresIn: ttlSeconds, issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
      );
    },
  };
}

/**
 * The bench interviewer's side of the API benches: 30 notifications of their own (made once), and
 * the 30-day window of `myInterviews` that ends just after their latest interview.
 */
export async function interviewerFixtures(pool: Pool, interviewerId: string): Promise<{ from: Date; to: Date }> {
  await pool.query(
    `insert into notification (id, created_at, updated_at, user_id, key, kind, subject, body, link)
     select gen_random_uuid(), now() - make_interval(mins => n), now(), $1::uuid, 'bench-' || $1::text || '-' || n,
            'BENCH', 'Bench notification ' || n, 'Body ' || n, null
     from generate_series(1, 30) n on conflict (key) do nothing`,
    [interviewerId],
  );
  const { rows } = await pool.query<{ latest: Date }>(
    `select max(i.starts_at) as latest from interview i join interview_panelist ip on ip.interview_id = i.id
     where ip.interviewer_id = $1`,
    [interviewerId],
  );
  const to = new Date(rows[0]!.latest.getTime() + 1000);
  return { from: new Date(to.getTime() - 30 * 86_400_000), to };
}
