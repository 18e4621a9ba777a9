import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { byId, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { AccessService, Permission } from '../access';
import { noteContactReads } from '../audit';
import { Candidate } from './candidate.entity';
import { CandidateType } from './graphql/candidate.type';

const CANDIDATES = new LoaderKey<string, CandidateType>('candidates.candidates');
const CANDIDATES_WITHOUT_CONTACT = new LoaderKey<string, CandidateType>('candidates.candidatesWithoutContact');

/** The candidate fields that only callers allowed to see contact details get (and whose reading is audited). */
export const CANDIDATE_CONTACT_FIELDS = ['email', 'phone', 'notes'] as const;

/** Per-request batch loader of candidates by id, with contact details only for callers who may see them. */
@Injectable()
export class CandidatesLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /**
   * `withContact`: false when the query selects none of CANDIDATE_CONTACT_FIELDS; the contact
   * details then stay null, no access check runs and no contact read is audited (none was shown).
   */
  candidate(context: object, actor: Actor, withContact = true) {
    if (!withContact) {
      return requestLoader(context, CANDIDATES_WITHOUT_CONTACT, async (ids) => {
        const rows = await this.em.find(Candidate, { id: { $in: [...ids] } });
        return byId(ids, rows, (row) => CandidateType.from(row, false), 'candidate');
      });
    }
    return requestLoader(context, CANDIDATES, async (ids) => {
      const [rows, contact] = await Promise.all([
        this.em.find(Candidate, { id: { $in: [...ids] } }),
        this.access.allowed(actor, Permission.CandidateContactRead, ids),
      ]);
      noteContactReads(context, contact);
      return byId(ids, rows, (row) => CandidateType.from(row, contact.has(row.id)), 'candidate');
    });
  }
}
