import type { Role } from '../../../libs/domain';

/** Who is calling: the signed-in user, or the system for automatic actions (jobs). */
export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  roles: readonly Role[];
  /** The sign-in (refresh-token family) the access token belongs to, when known. */
  sessionId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, roles: [] };
