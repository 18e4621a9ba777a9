import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from './app-config';

/**
 * Outside production, JWT_ACCESS_SECRET may be left unset: the first process stores a random
 * secret in the table `generated_secret` and every process of the same database reads it back.
 * Nothing published (the source, the docs) can sign a token such a deployment accepts.
 * Production requires the variable (env.schema.ts); this never runs there.
 */
export async function withGeneratedSecrets(config: AppConfig): Promise<AppConfig> {
  if (config.auth.accessSecret) return config;
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    await client.query(
      `insert into generated_secret (name, value, created_at) values ('jwt-access', $1, now()) on conflict (name) do nothing`,
      [randomBytes(48).toString('base64url')],
    );
    const { rows } = await client.query<{ value: string }>(
      `select value from generated_secret where name = 'jwt-access'`,
    );
    return { ...config, auth: { ...config.auth, accessSecret: rows[0]!.value } };
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') {
      throw new Error('The table generated_secret is missing: run the migrations first (npm run migrate).', {
        cause: error,
      });
    }
    throw error;
  } finally {
    await client.end();
  }
}
