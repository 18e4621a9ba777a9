/**
 * Values written in this repository (source, docs, .env.example, tests) or in its history. Anyone
 * can read them, so production refuses each of them as a secret or a password.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  // The development access-token secret of earlier versions (now generated per database).
  'dev-only-access-token-secret-change-me-in-production',
  // .env.example and the README's bootstrap admin.
  'change-this-admin-password',
  // The demo accounts (src/modules/demo).
  'demo-password-2026',
  // The tests' password (libs/testing).
  'correct-horse-battery',
];

const COMMON = /password|passw0rd|qwerty|123456|letmein|changeme|change-this|admin/i;

/** Why a production password is too weak, or null when it is acceptable. */
export function weakPasswordReason(password: string): string | null {
  if (PUBLISHED_SECRETS.includes(password)) return 'is published in the repository; choose your own';
  if (password.length < 12) return 'must be at least 12 characters';
  if (new Set(password).size < 6) return 'repeats too few characters (at least 6 different ones)';
  if (COMMON.test(password)) return 'contains a common word or sequence (password, admin, 123456...)';
  return null;
}
