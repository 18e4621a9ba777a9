import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { byId, LoaderKey, requestLoader } from '../../graphql/request-loader';
import { AccessService, Permission } from '../access';
import { noteContactReads } from '../audit';
import { Candidate } from './candidate.entity';
import { CandidateType } from './graphql/candidate.type';

const CANDIDATES = new LoaderKey<string, CandidateType>('candidates.candidates');

/** Per-request batch loader of candidates by id, with contact details only for callers who may see them. */
@Injectable()
export class CandidatesLoaders {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  candidate(context: object, actor: Actor) {
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
