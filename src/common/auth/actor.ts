import type { Role } from '../../../libs/domain';

/** Who is calling: the signed-in user, or the system for automatic actions (jobs). */
export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  roles: readonly Role[];
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', userId: null, roles: [] };
