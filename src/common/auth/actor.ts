import type { Role } from '../../../libs/domain';

/** Who is calling: the signed-in user, or the system for automatic actions (jobs). */
export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  roles: readonly Role[];
  /** The sign-in (refresh-token family) the access token belongs to, when known. */
  sessionId?: string | null;
  /**
   * The signed-in user's row as the access token's check read it, once per request: `me` answers
   * from it instead of reading the user again. Absent for the system and for actors made in code.
   */
  user?: { id: string; email: string; name: string; roles: Role[]; timezone: string };
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, roles: [] };
