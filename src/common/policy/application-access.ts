import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { AccessPolicy } from './access-policy';

export type ApplicationScope =
  | { all: true }
  | {
      all: false;
      applicationIds: string[];
      candidateIds: string[];
      /** Candidates whose contact details the caller may see: those of positions they manage. */
      contactCandidateIds: string[];
    };

/** Whether a scope shows this candidate's email, phone and notes. */
export function showsContactOf(scope: ApplicationScope, candidateId: string): boolean {
  return scope.all || scope.contactCandidateIds.includes(candidateId);
}

/**
 * Which applications (and so candidates) a caller may read: recruiters and admins all of them;
 * a hiring manager those of the positions they manage; an interviewer those they sit on a panel for.
 */
@Injectable()
export class ApplicationAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: AccessPolicy,
  ) {}

  /** Computed once per request (the actor object lives for one request). */
  private readonly cache = new WeakMap<Actor, Promise<ApplicationScope>>();

  scope(actor: Actor): Promise<ApplicationScope> {
    let scope = this.cache.get(actor);
    if (!scope) {
      scope = this.compute(actor);
      this.cache.set(actor, scope);
    }
    return scope;
  }

  /** Whether the caller may see this candidate's email, phone and notes. */
  async canSeeContact(actor: Actor, candidateId: string): Promise<boolean> {
    return showsContactOf(await this.scope(actor), candidateId);
  }

  private async compute(actor: Actor): Promise<ApplicationScope> {
    if (this.policy.canEditCatalog(actor)) return { all: true };
    const rows: Array<{ id: string; candidate_id: string; manages: boolean }> = await this.em.getConnection().execute(
      `select a.id, a.candidate_id, p.hiring_manager_id = ? as manages from application a join position p on p.id = a.position_id
        where p.hiring_manager_id = ?
           or exists (select 1 from interview i join interview_panelist ip on ip.interview_id = i.id
                       where i.application_id = a.id and ip.interviewer_id = ?)`,
      [actor.userId, actor.userId, actor.userId],
    );
    return {
      all: false,
      applicationIds: rows.map((row) => row.id),
      candidateIds: [...new Set(rows.map((row) => row.candidate_id))],
      contactCandidateIds: [...new Set(rows.filter((row) => row.manages).map((row) => row.candidate_id))],
    };
  }

  async canRead(actor: Actor, applicationId: string): Promise<boolean> {
    const scope = await this.scope(actor);
    return scope.all || scope.applicationIds.includes(applicationId);
  }
}
