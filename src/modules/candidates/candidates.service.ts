import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, raw, type FilterQuery, type ObjectQuery } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { normalizeEmail } from '../../../libs/domain';
import type { Actor } from '../../common/auth/actor';
import { isUniqueViolation } from '../../common/errors/constraint-errors';
import {
  BadUserInputException,
  ConflictException,
  NotFoundException,
  type FieldErrors,
} from '../../common/errors/domain.exception';
import { textProblems } from '../../common/text-rules';
import { afterCursor, connection, pageSize } from '../../common/pagination';
import { AccessService, Permission } from '../access';
import { noteContactReads } from '../audit';
import { Candidate } from './candidate.entity';
import {
  CandidateType,
  CreateCandidateInput,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  UpdateCandidateInput,
} from './graphql/candidate.type';

/** A candidate list counts its matches up to this many; past it, the count says "more than 1,000". */
export const CANDIDATE_COUNT_CAP = 1_000;

@Injectable()
export class CandidatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AccessService,
  ) {}

  /** CONFLICT with the existing candidate's id when the email (in any letter case) is taken. */
  async create(actor: Actor, input: CreateCandidateInput, em: EntityManager = this.em): Promise<Candidate> {
    await this.access.require(actor, Permission.CandidateWrite);
    const candidate = new Candidate({
      name: input.name.trim(),
      email: normalizeEmail(input.email),
      experienceLevel: input.experienceLevel,
    });
    candidate.phone = input.phone?.trim() || null;
    candidate.experienceYears = input.experienceYears ?? null;
    candidate.source = input.source?.trim() || null;
    candidate.tags = [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
    candidate.notes = input.notes ?? null;
    try {
      await em.persistAndFlush(candidate);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      em.clear();
      const existing = await em.findOne(Candidate, { email: candidate.email });
      throw new ConflictException(`A candidate with the email ${candidate.email} already exists.`, {
        existingId: existing?.id,
      });
    }
    return candidate;
  }

  /**
   * Changes the fields the input names, in one transaction. The e-mail follows creation's rule
   * (unique in any letter case: CONFLICT naming the other candidate); an expectedVersion that is no
   * longer current, or an erased candidate, is a CONFLICT. Each edit increases the version.
   */
  async update(actor: Actor, input: UpdateCandidateInput): Promise<Candidate> {
    await this.access.require(actor, Permission.CandidateWrite);
    const fields: FieldErrors = {};
    if (input.name !== undefined && !input.name?.trim()) fields['input.name'] = 'must not be blank';
    if (input.email !== undefined && !input.email?.trim()) fields['input.email'] = 'must not be blank';
    if (Object.keys(fields).length > 0) {
      throw new BadUserInputException('The candidate could not be changed: fix the listed fields.', fields);
    }
    const email = input.email ? normalizeEmail(input.email) : undefined;
    try {
      return await this.em.fork().transactional(async (em) => {
        const candidate = await em.findOne(
          Candidate,
          { id: input.candidateId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!candidate) throw new NotFoundException('Candidate', input.candidateId);
        if (candidate.erasedAt) {
          throw new ConflictException(
            `The candidate's personal data was erased on ${candidate.erasedAt.toISOString()}; an erased record cannot be changed.`,
          );
        }
        if (input.expectedVersion != null && input.expectedVersion !== candidate.version) {
          throw new ConflictException(
            `The candidate changed since you loaded it (version ${input.expectedVersion}, now ${candidate.version}); reload and try again.`,
            { currentVersion: candidate.version },
          );
        }
        if (input.name != null) candidate.name = input.name.trim();
        if (email !== undefined) candidate.email = email;
        if (input.phone !== undefined) candidate.phone = input.phone?.trim() || null;
        if (input.notes !== undefined) candidate.notes = input.notes || null;
        if (input.source !== undefined) candidate.source = input.source?.trim() || null;
        if (input.tags !== undefined) {
          candidate.tags = [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
        }
        candidate.version += 1;
        await em.flush();
        return candidate;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.em.fork().findOne(Candidate, { email });
      throw new ConflictException(`Another candidate already has the email ${email}.`, {
        existingId: existing?.id,
      });
    }
  }

  /**
   * Imports the valid rows of a CSV file and reports the others by line. Each row is its own
   * transaction: one bad row never blocks the rest.
   */
  async importCsv(actor: Actor, csv: string) {
    await this.access.require(actor, Permission.CandidateWrite);
    const bytes = Buffer.byteLength(csv, 'utf8');
    if (bytes > IMPORT_MAX_BYTES) throw tooLarge(`The file has ${bytes} bytes`);
    let rows: Record<string, string>[];
    try {
      rows = parse(csv, {
        columns: (header: string[]) => header.map((name) => name.trim()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (error) {
      return {
        imported: 0,
        candidates: [],
        errors: [{ line: 1, message: `The file is not valid CSV: ${(error as Error).message}` }],
      };
    }
    if (rows.length > IMPORT_MAX_ROWS) throw tooLarge(`The file has ${rows.length} rows`);
    const candidates: Candidate[] = [];
    const errors: Array<{ line: number; message: string }> = [];
    for (const [index, row] of rows.entries()) {
      const line = index + 2;
      const input = plainToInstance(CreateCandidateInput, {
        name: row.name,
        email: row.email,
        experienceLevel: row.experienceLevel?.toUpperCase(),
        phone: row.phone || undefined,
        experienceYears: row.experienceYears ? Number(row.experienceYears) : undefined,
        source: row.source || undefined,
        tags: row.tags ? row.tags.split(';') : undefined,
      });
      // The pipe's text rules hold for each row too: a NUL in one row must not stop the others.
      const problems = [
        ...(await validate(input)).map(
          (problem) => `${problem.property} ${Object.values(problem.constraints ?? {}).join(', ')}`,
        ),
        ...Object.entries(textProblems(input, '')).map(([field, message]) => `${field} ${message}`),
      ];
      if (problems.length) {
        errors.push({ line, message: problems.join('; ') });
        continue;
      }
      try {
        candidates.push(await this.create(actor, input, this.em.fork()));
      } catch (error) {
        if (error instanceof ConflictException) errors.push({ line, message: error.message });
        else throw error;
      }
    }
    return { imported: candidates.length, candidates, errors };
  }

  /** `context`: the GraphQL request's, where the audit log notes a read of contact details. */
  async get(actor: Actor, id: string, context: object = {}): Promise<CandidateType> {
    await this.access.require(actor, Permission.CandidateRead, id);
    const candidate = await this.em.findOne(Candidate, { id });
    if (!candidate) throw new NotFoundException('Candidate', id);
    const contact = await this.access.can(actor, Permission.CandidateContactRead, id);
    if (contact) noteContactReads(context, [id]);
    return CandidateType.from(candidate, contact);
  }

  /**
   * The candidates the caller may see, newest first; a search matches the name, or the e-mail where
   * visible. `count`: whether to count the matches too (only when the query selects the count). The
   * count stops at CANDIDATE_COUNT_CAP: past it, totalCount is the cap and totalCountCapped is true.
   */
  async search(
    actor: Actor,
    args: { first?: number | null; after?: string | null; search?: string | null; count?: boolean },
    context: object = {},
  ) {
    const size = pageSize(args.first);
    const term = args.search?.trim();
    // A raw condition is used once: build the filter afresh for each statement.
    const where = (): ObjectQuery<Candidate> => ({
      $and: [this.access.where(actor, Permission.CandidateRead), term ? this.matching(actor, term) : {}],
    });
    const [rows, counted] = await Promise.all([
      this.em.find(
        Candidate,
        { $and: [where(), afterCursor(args.after)] },
        { orderBy: { createdAt: 'desc', id: 'asc' }, limit: size + 1 },
      ),
      args.count === false ? null : this.countUpTo(CANDIDATE_COUNT_CAP, where()),
    ]);
    const contact = await this.access.allowed(
      actor,
      Permission.CandidateContactRead,
      rows.map((row) => row.id),
    );
    noteContactReads(context, contact);
    const totalCount = Math.min(counted ?? 0, CANDIDATE_COUNT_CAP);
    return {
      ...connection(rows, size, totalCount, (row) => CandidateType.from(row, contact.has(row.id)), args.after),
      totalCountCapped: (counted ?? 0) > CANDIDATE_COUNT_CAP,
    };
  }

  /**
   * The search condition: the name, or the e-mail where the caller may see it (or a search would
   * reveal it letter by letter). Where the caller sees every e-mail, one condition on the name and
   * e-mail joined by a line break, which the trigram index candidate_search_trgm answers: the planner
   * estimates it well (one expression, no OR of two correlated columns) and keeps away from a
   * sequential scan for terms of middling frequency. A term holding a line break could match across
   * the join, so it is matched against each column alone.
   */
  private matching(actor: Actor, term: string): FilterQuery<Candidate> {
    const pattern = `%${escapeLike(term)}%`;
    const contact = this.access.condition(actor, Permission.CandidateContactRead, '__column__');
    if (contact?.sql === 'false') return { name: { $ilike: pattern } };
    if (term.includes('\n')) {
      return {
        $or: [
          { name: { $ilike: pattern } },
          { $and: [this.access.where(actor, Permission.CandidateContactRead), { email: { $ilike: pattern } }] },
        ],
      };
    }
    const joined = (alias: string) => `(${alias}.name || E'\\n' || ${alias}.email) ilike ?`;
    if (!contact) return { [raw((alias: string) => joined(alias), [pattern]) as unknown as string]: [] };
    // Name or e-mail where the contact details are visible, the name alone elsewhere.
    const key = raw(
      (alias: string) =>
        `(${alias}.name ilike ? or (${contact.sql.replace('__column__', `${alias}.id`)} and ${joined(alias)}))`,
      [pattern, ...contact.params, pattern],
    );
    return { [key as unknown as string]: [] };
  }

  /**
   * How many candidates match `where`, counting no further than `cap + 1`: the answer tells
   * "at most cap" (exact) from "more than cap" and costs at most cap + 1 rows whatever the term.
   */
  private async countUpTo(cap: number, where: ObjectQuery<Candidate>): Promise<number> {
    const matches = this.em
      .createQueryBuilder(Candidate, 'c')
      .select('id')
      .where(where)
      .limit(cap + 1)
      .getKnexQuery();
    const [row] = await this.em.execute<Array<{ n: string | number }>>(
      this.em.getKnex().count('* as n').from(matches.as('s')),
    );
    return Number(row?.n ?? 0);
  }
}

function tooLarge(what: string): BadUserInputException {
  const limit = `An import takes at most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes (2 MiB)`;
  return new BadUserInputException(`${what}. ${limit}: split it into several files.`, {
    'input.csv': `at most ${IMPORT_MAX_ROWS} rows and ${IMPORT_MAX_BYTES} bytes`,
  });
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
