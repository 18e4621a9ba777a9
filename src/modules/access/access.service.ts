import { Injectable } from '@nestjs/common';
import { EntityManager, raw } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/auth/actor';
import { BadUserInputException, ForbiddenException, NotFoundException } from '../../common/errors/domain.exception';
import { LoaderKey, requestLoader } from '../../graphql/request-loader';
import { BLIND_INTERVIEWS_SQL, RELATION_SQL, SUBJECT_ID, SUBJECT_ROWS } from './access-subjects';
import { Permission, PERMISSIONS, type Rule, type Subject } from './permissions';

/** A SQL condition with its `?` parameters. */
export interface AccessCondition {
  sql: string;
  params: unknown[];
}

/** How each subject is named in a NOT_FOUND message. */
const SUBJECT_NAME: Record<Subject, string> = {
  none: 'Record',
  position: 'Position',
  stage: 'Stage',
  candidate: 'Candidate',
  application: 'Application',
  interview: 'Interview',
  scorecard: 'Scorecard',
  skillVerdict: 'Skill verdict',
  stageDecision: 'Stage decision',
  stageVisit: 'Stage visit',
  notification: 'Notification',
  user: 'User',
};

/** One per-request loader per permission, for `check`. */
const CHECKS = new Map(
  Object.values(Permission).map((permission) => [permission, new LoaderKey<string, boolean>(`access.${permission}`)]),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ROW_COLUMNS = 's(id, position_id, application_id, stage_id, interview_id, author_id, user_id, submitted)';

/**
 * The one place that answers "may this actor do P on these records?" (permissions.ts says who may
 * do what). One SQL query per permission and batch of ids, or none when a role decides alone.
 */
@Injectable()
export class AccessService {
  constructor(private readonly em: EntityManager) {}

  /** The ids among `ids` the actor may act on with `permission`. */
  async allowed(
    actor: Actor,
    permission: Permission,
    ids: readonly string[],
    em: EntityManager = this.em,
  ): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const malformed = unique.find((id) => !UUID.test(id));
    if (malformed !== undefined) {
      throw new BadUserInputException(`"${malformed.slice(0, 64)}" is not an id.`, { id: 'must be an id (a UUID)' });
    }
    if (unique.length === 0) return new Set();
    const rule = PERMISSIONS[permission];
    const decided = decidedByRole(actor, rule);
    if (decided !== null) return decided ? new Set(unique) : new Set();
    if (rule.subject === 'none') return new Set();
    // The actor's own user record, where `self` grants and nothing denies: no query needed.
    const self = selfEvident(actor, rule) ? unique.filter((id) => id === actor.userId) : [];
    const rest = self.length ? unique.filter((id) => id !== actor.userId) : unique;
    if (rest.length === 0) return new Set(self);
    const where = this.predicate(actor, rule);
    const rows = await em.execute<Array<{ id: string }>>(
      `select distinct s.id from (${SUBJECT_ROWS[rule.subject]} where ${SUBJECT_ID[rule.subject]} = any(?::uuid[])) as ${ROW_COLUMNS}
        where ${where.sql}`,
      [`{${rest.join(',')}}`, ...where.params],
    );
    return new Set([...self, ...rows.map((row) => row.id)]);
  }

  /** Whether the actor may act on one record. */
  async can(actor: Actor, permission: Permission, id: string, em?: EntityManager): Promise<boolean> {
    return (await this.allowed(actor, permission, [id], em)).has(id);
  }

  /**
   * Throws unless every id is allowed: FORBIDDEN with the rule's message for actions, NOT_FOUND for
   * reads (so a record one may not read looks like one that does not exist). Without ids, for the
   * permissions that concern no record, only the roles count.
   */
  async require(
    actor: Actor,
    permission: Permission,
    ids?: string | readonly string[],
    em?: EntityManager,
  ): Promise<void> {
    const rule = PERMISSIONS[permission];
    if (ids === undefined) {
      if (decidedByRole(actor, rule) !== true) throw new ForbiddenException(rule.refusal ?? 'You may not do this.');
      return;
    }
    const list = typeof ids === 'string' ? [ids] : ids;
    const allowed = await this.allowed(actor, permission, list, em);
    const refused = list.find((id) => !allowed.has(id));
    if (refused === undefined) return;
    if (rule.refusal) throw new ForbiddenException(rule.refusal);
    throw new NotFoundException(SUBJECT_NAME[rule.subject], refused);
  }

  /** Whether the actor's roles grant a permission on every record (no query). */
  grantsAll(actor: Actor, permission: Permission): boolean {
    return decidedByRole(actor, PERMISSIONS[permission]) === true;
  }

  /**
   * `can`, batched with the other checks of the same permission asked while one GraphQL request
   * resolves a list: one query for the whole list.
   */
  check(context: object, actor: Actor, permission: Permission, id: string): Promise<boolean> {
    return requestLoader(context, CHECKS.get(permission)!, async (ids) => {
      const allowed = await this.allowed(actor, permission, ids);
      return ids.map((id) => allowed.has(id));
    }).load(id);
  }

  /** The records among `items` the actor may act on, in their order; one query for the batch. */
  async filter<Item>(
    actor: Actor,
    permission: Permission,
    items: readonly Item[],
    idOf: (item: Item) => string,
  ): Promise<Item[]> {
    const allowed = await this.allowed(actor, permission, items.map(idOf));
    return items.filter((item) => allowed.has(idOf(item)));
  }

  /**
   * A condition restricting `column` (a subject id) to the records the actor may act on, for
   * queries that list or page through them; null when the actor may act on all of them.
   */
  condition(actor: Actor, permission: Permission, column: string): AccessCondition | null {
    const rule = PERMISSIONS[permission];
    const decided = decidedByRole(actor, rule);
    if (decided === true) return null;
    if (decided === false || rule.subject === 'none') return { sql: 'false', params: [] };
    const where = this.predicate(actor, rule);
    return {
      sql: `${column} in (select s.id from (${SUBJECT_ROWS[rule.subject]}) as ${ROW_COLUMNS} where ${where.sql})`,
      params: where.params,
    };
  }

  /**
   * `condition` as a MikroORM filter on an entity whose id is the subject's id: merge it into
   * `em.find`/`em.count` conditions (build one per query: a raw key is used once).
   */
  where(actor: Actor, permission: Permission): Record<string, never[]> {
    const condition = this.condition(actor, permission, '__column__');
    if (!condition) return {};
    const key = raw((alias: string) => condition.sql.replace('__column__', `${alias}.id`), condition.params);
    return { [key as unknown as string]: [] };
  }

  /**
   * The interviews whose scorecards the actor may not read because they are a blind panelist of
   * that stage (on a live interview of it, own scorecard not submitted). Figures built from
   * scorecards leave these out for them.
   */
  async blindInterviewIds(actor: Actor): Promise<string[]> {
    if (!actor.userId) return [];
    const sql = bind(BLIND_INTERVIEWS_SQL, actor.userId);
    const rows = await this.em.execute<Array<{ id: string }>>(sql.sql, sql.params);
    return rows.map((row) => row.id);
  }

  private predicate(actor: Actor, rule: Rule): AccessCondition {
    const userId = actor.userId!;
    const hasRole = rule.roles.some((role) => actor.roles.includes(role));
    const grants = [hasRole ? 'true' : null, ...rule.relations.map((relation) => RELATION_SQL[relation])].filter(
      (part): part is string => part !== null,
    );
    const denies = (rule.unless ?? []).map((relation) => RELATION_SQL[relation]);
    const sql = `(${grants.length ? grants.join(' or ') : 'false'})${denies.length ? ` and not (${denies.join(' or ')})` : ''}`;
    return bind(sql, userId);
  }
}

/**
 * true or false when the actor's kind and roles settle the rule without looking at the record;
 * null when a relation must be checked in the database.
 */
function decidedByRole(actor: Actor, rule: Rule): boolean | null {
  if (actor.kind === 'system') return true;
  const hasRole = rule.roles.some((role) => actor.roles.includes(role));
  // Without a user id no relation ties the actor to a record, nor makes them a blind panelist.
  if (!actor.userId) return hasRole;
  if (hasRole && !rule.unless?.length) return true;
  if (!hasRole && rule.relations.length === 0) return false;
  return null;
}

/**
 * Whether a user-record rule grants the actor their own record by the `self` relation alone
 * (`s.user_id = :actor`, where a user's row has user_id = its id) with no relation denying it.
 */
function selfEvident(actor: Actor, rule: Rule): boolean {
  return actor.userId !== null && rule.subject === 'user' && rule.relations.includes('self') && !rule.unless?.length;
}

/** Replaces each `:actor` with a `?` parameter (PostgreSQL's `::type` casts are left alone). */
function bind(sql: string, actorId: string): AccessCondition {
  const params: unknown[] = [];
  const text = sql.replace(/(?<!:):actor\b/g, () => {
    params.push(actorId);
    return '?';
  });
  return { sql: text, params };
}
