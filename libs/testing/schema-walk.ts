import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

/**
 * Walks a GraphQL schema for access tests: it generates operations that together select every
 * field path reachable from `Query` (and from the payloads of given mutations), sends them, and
 * keeps every response body so a test can look for strings the caller must not read. Nothing in
 * here knows this API's types, so a field added to the schema is walked without editing a test.
 *
 * Bound: a path has at most `depth` fields, root and leaf included. 7 reaches
 * `candidates.edges.node.applications.position.hiringManager.email` and
 * `interview.application.skillVerifications.evidence.interviewer.email`. Types may repeat on a
 * path (Application → Position → applications → … → Application); only the length is bounded.
 *
 * Arguments: required ones are filled, optional ones omitted, except that optional ID arguments
 * of root fields are tried with each id as well as left out. Values:
 * - ID: every known id of the pool the argument's name points to (`positionId`, `stageIds` →
 *   pools `position`, `stage`; `idAliases` maps other stems); `id` and unknown stems get every
 *   known id of every pool;
 * - enum and Boolean: each value; list: one list holding every value of its item;
 * - input object: its required fields, zipped so that each value of each field is used once;
 * - other scalars: one plain value (DateTime from a name: `from…` a week ago, `to…` in a week).
 * A root field is called once per combination of its arguments, each an aliased root. Every root
 * call is first probed with `{ __typename }`, and only those that return something are expanded:
 * an id of another kind, or a root the caller may not use, gives a null or an error (kept for
 * the scan too) and nothing under it to walk.
 *
 * Requests: paths are batched (`fieldsPerRequest` leaves per request) with aliases; every third
 * selection set goes through an inline fragment and every third through a named fragment, so
 * a resolver that reads the query text sees all three shapes. A refusal nulls its nearest
 * nullable parent, which hides its siblings: the subtree that came back null is sent again without
 * the refused field, and every path through a field refused once goes alone in a request of its
 * own, so no refusal hides anything. Each error (message included) is kept for the scan.
 */

export interface KnownId {
  id: string;
  /** How the id reads in a report, e.g. "interview of A and B". */
  label: string;
}

export interface MutationCall {
  field: string;
  variables: Record<string, unknown>;
}

export interface SchemaWalkOptions {
  schema: GraphQLSchema;
  /** Known ids by pool (position, application, stage, user…). */
  ids: Record<string, KnownId[]>;
  /** Argument-name stems that mean another pool, e.g. `{ interviewer: 'user' }`. */
  idAliases?: Record<string, string>;
  /** Mutations the walker may call without harm; their payload types are walked like `Query`. */
  mutations?: MutationCall[];
  depth?: number;
  fieldsPerRequest?: number;
}

/** Sends one operation and returns the raw response body. */
export type SendOperation = (document: string, variables: Record<string, unknown>) => Promise<string>;

export interface WalkedResponse {
  kind: 'query' | 'mutation';
  document: string;
  body: string;
}

/** What an alias of the walk stands for. */
export interface WalkAlias {
  field: string;
  /** How it reads in a report, e.g. `interview(id: interview of A and B)`. */
  label: string;
}

export interface SchemaWalk {
  schema: GraphQLSchema;
  responses: WalkedResponse[];
  aliases: Map<string, WalkAlias>;
}

export const DEFAULT_WALK_DEPTH = 7;

/** The live schema, through introspection as any client would read it. */
export async function introspectSchema(send: SendOperation): Promise<GraphQLSchema> {
  const body = JSON.parse(await send(getIntrospectionQuery(), {})) as { data?: IntrospectionQuery; errors?: unknown };
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  return buildClientSchema(body.data);
}

/** One step of a path: a field (with alias and arguments) or a type condition on an abstract type. */
interface Step {
  /** Response key; empty for a type condition. */
  key: string;
  /** As written in the document: `w_a3: applications(status: ACTIVE)`, `email`, `... on Candidate`. */
  source: string;
  /** The named type the step selects into. */
  typeName: string;
}
type Path = Step[];

interface ArgValue {
  text: string;
  label: string;
}

export async function walkSchema(options: SchemaWalkOptions, send: SendOperation): Promise<SchemaWalk> {
  const walker = new Walker(options, send);
  await walker.run();
  return { schema: options.schema, responses: walker.responses, aliases: walker.aliases };
}

class Walker {
  readonly responses: WalkedResponse[] = [];
  readonly aliases = new Map<string, WalkAlias>();
  private aliasCount = 0;
  /** Variable definitions of each mutation root, by its alias. */
  private readonly variableTypes = new Map<string, string>();
  private readonly schema: GraphQLSchema;
  private readonly depth: number;
  private readonly fieldsPerRequest: number;
  private readonly allIds: KnownId[];

  constructor(
    private readonly options: SchemaWalkOptions,
    private readonly send: SendOperation,
  ) {
    this.schema = options.schema;
    this.depth = options.depth ?? DEFAULT_WALK_DEPTH;
    this.fieldsPerRequest = options.fieldsPerRequest ?? 2000;
    const unique = new Map(Object.values(options.ids).flatMap((pool) => pool.map((known) => [known.id, known])));
    this.allIds = [...unique.values()];
  }

  async run(): Promise<void> {
    const query = this.schema.getQueryType();
    if (!query) throw new Error('the schema has no Query type');
    const calls: Array<{ root: Step; nullable: boolean }> = [];
    for (const field of Object.values(query.getFields())) {
      for (const root of this.fieldSteps(field, true)) calls.push({ root, nullable: !isNonNullType(field.type) });
    }
    const queryPaths: Path[] = [];
    for (const root of await this.probe(calls)) {
      const type = this.namedType(root.typeName);
      if (!isLeafType(type)) queryPaths.push(...this.paths(root, type));
    }
    await this.sendAll('query', queryPaths, {});

    const mutation = this.schema.getMutationType();
    const mutationPaths: Path[] = [];
    const variables: Record<string, Record<string, unknown>> = {};
    for (const call of this.options.mutations ?? []) {
      const field = mutation?.getFields()[call.field];
      if (!field) throw new Error(`no mutation ${call.field}`);
      const alias = this.alias(call.field, `${call.field}(${Object.keys(call.variables).join(', ')})`);
      const args = field.args.filter((arg) => arg.name in call.variables);
      if (args.length !== Object.keys(call.variables).length) throw new Error(`unknown arguments of ${call.field}`);
      variables[alias] = Object.fromEntries(args.map((arg) => [`${alias}_${arg.name}`, call.variables[arg.name]]));
      const root: Step = {
        key: alias,
        source: `${alias}: ${call.field}(${args.map((arg) => `${arg.name}: $${alias}_${arg.name}`).join(', ')})`,
        typeName: getNamedType(field.type).name,
      };
      mutationPaths.push(...this.paths(root, getNamedType(field.type)));
      this.variableTypes.set(alias, args.map((arg) => `$${alias}_${arg.name}: ${arg.type.toString()}`).join(', '));
    }
    await this.sendAll('mutation', mutationPaths, variables);
  }

  /**
   * Calls each root alone (`{ __typename }` for objects) and keeps those that return something: a
   * null or an error ends every path there, and a leaf root is covered by its probe.
   */
  private async probe(probes: Array<{ root: Step; nullable: boolean }>): Promise<Step[]> {
    // A non-null root that fails nulls the whole response, so those go one per request.
    const batches: Step[][] = [];
    const nullable = probes.filter((probe) => probe.nullable).map((probe) => probe.root);
    for (let start = 0; start < nullable.length; start += 200) batches.push(nullable.slice(start, start + 200));
    for (const probe of probes) if (!probe.nullable) batches.push([probe.root]);
    const found: Step[] = [];
    for (const batch of batches) {
      const selections = batch.map((root) =>
        isLeafType(this.namedType(root.typeName)) ? root.source : `${root.source} { __typename }`,
      );
      const document = `query WalkProbe { ${selections.join(' ')} }`;
      const body = await this.send(document, {});
      this.responses.push({ kind: 'query', document, body });
      const data = (JSON.parse(body) as { data?: Record<string, unknown> | null }).data;
      found.push(...batch.filter((root) => data?.[root.key] != null));
    }
    return found;
  }

  /** Every leaf path under `root`, at most `depth` fields long. */
  private paths(root: Step, type: GraphQLNamedType): Path[] {
    const found: Path[] = [];
    const visit = (path: Path, type: GraphQLNamedType, fieldsLeft: number) => {
      if (isLeafType(type)) {
        found.push(path);
      } else if (isAbstractType(type)) {
        for (const possible of this.schema.getPossibleTypes(type)) {
          visit(
            [...path, { key: '', source: `... on ${possible.name}`, typeName: possible.name }],
            possible,
            fieldsLeft,
          );
        }
      } else if (isObjectType(type) && fieldsLeft > 0) {
        for (const field of Object.values(type.getFields())) {
          for (const step of this.fieldSteps(field, false)) {
            visit([...path, step], getNamedType(field.type), fieldsLeft - 1);
          }
        }
      }
    };
    visit([root], type, this.depth - 1);
    return found;
  }

  /** One step per combination of the field's arguments; aliased when it has any (roots always). */
  private fieldSteps(field: GraphQLField<unknown, unknown>, root: boolean): Step[] {
    const typeName = getNamedType(field.type).name;
    const choices = field.args.map((arg) => {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (required) return this.values(arg.type, arg.name).map((value) => ({ name: arg.name, value }));
      const omitted = [null];
      if (root && getNamedType(arg.type).name === 'ID')
        return [...omitted, ...this.values(arg.type, arg.name).map((value) => ({ name: arg.name, value }))];
      return omitted;
    });
    return combinations(choices).map((chosen) => {
      const given = chosen.filter((choice) => choice !== null);
      const args = given.length ? `(${given.map((choice) => `${choice.name}: ${choice.value.text}`).join(', ')})` : '';
      if (!root && given.length === 0) return { key: field.name, source: field.name, typeName };
      const label = `${field.name}${given.length ? `(${given.map((c) => `${c.name}: ${c.value.label}`).join(', ')})` : ''}`;
      const alias = this.alias(field.name, label);
      return { key: alias, source: `${alias}: ${field.name}${args}`, typeName };
    });
  }

  private alias(field: string, label: string): string {
    const alias = `w_${(this.aliasCount++).toString(36)}`;
    this.aliases.set(alias, { field, label });
    return alias;
  }

  /** Values to try for an argument or input field of this type; see the header comment. */
  private values(type: GraphQLInputType, name: string): ArgValue[] {
    if (isNonNullType(type)) return this.values(type.ofType, name);
    if (isListType(type)) {
      const items = this.values(type.ofType, name);
      return [
        { text: `[${items.map((item) => item.text).join(', ')}]`, label: `[${items.map((i) => i.label).join(', ')}]` },
      ];
    }
    if (isEnumType(type)) return type.getValues().map((value) => ({ text: value.name, label: value.name }));
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => ({ name: field.name, values: this.values(field.type, field.name) }));
      const count = Math.max(1, ...fields.map((field) => field.values.length));
      return Array.from({ length: count }, (_, index) => {
        const chosen = fields.map((field) => ({ name: field.name, value: field.values[index % field.values.length]! }));
        return {
          text: `{ ${chosen.map((c) => `${c.name}: ${c.value.text}`).join(', ')} }`,
          label: `{ ${chosen.map((c) => `${c.name}: ${c.value.label}`).join(', ')} }`,
        };
      });
    }
    const plain = (text: string) => [{ text, label: text }];
    switch (type.name) {
      case 'ID':
        return this.idsFor(name).map((known) => ({ text: JSON.stringify(known.id), label: known.label }));
      case 'Boolean':
        return [...plain('true'), ...plain('false')];
      case 'Int':
        return plain('60');
      case 'Float':
        return plain('1.5');
      case 'DateTime': {
        const days = /^(to|end|until|before)/i.test(name) ? 7 : /^(from|start|since|after)/i.test(name) ? -7 : 0;
        return plain(JSON.stringify(new Date(Date.now() + days * 86_400_000).toISOString()));
      }
      default:
        return plain('"walk"');
    }
  }

  /** `positionId`/`positionIds` → pool `position` (or its alias); `id` and unknown stems → every id. */
  private idsFor(argument: string): KnownId[] {
    const stem = /^(.+?)Ids?$/.exec(argument)?.[1];
    const pool = stem ? (this.options.idAliases?.[stem] ?? stem) : undefined;
    return (pool && this.options.ids[pool]) || this.allIds;
  }

  private namedType(name: string): GraphQLNamedType {
    const type = this.schema.getType(name);
    if (!type) throw new Error(`no type ${name}`);
    return type;
  }

  /**
   * Sends the paths in batches. A refused field nulls its nearest nullable parent and hides the
   * errors of its siblings, so: only the subtree that came back null is sent again; and a field
   * that was refused once (`Type.field`) is suspect from then on, so the paths through it go one per
   * request, where a refusal hides nothing else.
   */
  private async sendAll(
    kind: 'query' | 'mutation',
    paths: Path[],
    variables: Record<string, Record<string, unknown>>,
  ): Promise<void> {
    const refused = new Set<string>();
    // A path sent again and again without its refusal being pinned down is sent alone instead.
    const sends = new Map<Path, number>();
    const suspect = (path: Path) =>
      (sends.get(path) ?? 0) >= 3 || signatures(path).some((signature) => refused.has(signature));
    let queue = paths;
    while (queue.length > 0) {
      const batch = queue.filter((path) => !suspect(path)).slice(0, this.fieldsPerRequest);
      if (batch.length === 0) break;
      const inBatch = new Set(batch);
      for (const path of batch) sends.set(path, (sends.get(path) ?? 0) + 1);
      const body = await this.sendPaths(kind, batch, variables);
      const { nulled, failed } = failures(body, batch);
      for (const signature of failed) refused.add(signature);
      const again = batch.filter((path) => nulled.some((prefix) => startsWith(responseKeys(path), prefix)));
      queue = [...queue.filter((path) => !inBatch.has(path)), ...again.filter((path) => !isFailedLeaf(path, body))];
    }
    for (const path of queue) await this.sendPaths(kind, [path], variables);
  }

  private async sendPaths(
    kind: 'query' | 'mutation',
    paths: Path[],
    variables: Record<string, Record<string, unknown>>,
  ): Promise<string> {
    const roots = [...new Set(paths.map((path) => path[0]!.key))];
    const definitions = roots.map((root) => this.variableTypes.get(root)).filter(Boolean);
    const document = render(kind, definitions.length ? `(${definitions.join(', ')})` : '', paths);
    const body = await this.send(document, Object.assign({}, ...roots.map((root) => variables[root] ?? {})));
    this.responses.push({ kind, document, body });
    return body;
  }
}

/** `Type.field` of each field step of a path (the type it is selected on, then the field). */
function signatures(path: Path): string[] {
  const result: string[] = [];
  let parent = 'Query';
  for (const step of path) {
    if (step.key) result.push(`${parent}.${step.source.replace(/^\w+: /, '').replace(/\(.*$/s, '')}`);
    parent = step.typeName;
  }
  return result;
}

interface ErrorPath {
  message: string;
  path?: Array<string | number>;
}

/**
 * What a response's errors mean for the walk: the response-key prefixes that came back null (to
 * send again) and the `Type.field` signatures that were refused.
 */
function failures(body: string, batch: Path[]): { nulled: string[][]; failed: string[] } {
  const response = JSON.parse(body) as { data?: unknown; errors?: ErrorPath[] };
  const nulled: string[][] = [];
  const failed: string[] = [];
  for (const error of response.errors ?? []) {
    // An error with no path refused the whole document: the walk itself is wrong, not the API.
    if (!error.path) throw new Error(`the walk sent an invalid operation: ${error.message}`);
    const keys = error.path.filter((part): part is string => typeof part === 'string');
    const path = batch.find((candidate) => startsWith(responseKeys(candidate), keys));
    const signature = path && signatures(path)[keys.length - 1];
    if (signature) failed.push(signature);
    // The first null along the error's path is where the refusal stopped.
    let value: unknown = response.data;
    const prefix: string[] = [];
    for (const part of error.path) {
      if (value === null || value === undefined) break;
      value = (value as Record<string | number, unknown>)[part];
      if (typeof part === 'string') prefix.push(part);
    }
    nulled.push(prefix);
  }
  return { nulled, failed };
}

/** Whether the path is the very field an error of the response names (it is recorded; nothing to redo). */
function isFailedLeaf(path: Path, body: string): boolean {
  const keys = responseKeys(path);
  const errors = (JSON.parse(body) as { errors?: ErrorPath[] }).errors ?? [];
  return errors.some((error) => {
    const failed = (error.path ?? []).filter((part): part is string => typeof part === 'string');
    return failed.length === keys.length && startsWith(keys, failed);
  });
}

function responseKeys(path: Path): string[] {
  return path.map((step) => step.key).filter(Boolean);
}

function startsWith(keys: string[], prefix: string[]): boolean {
  return prefix.length <= keys.length && prefix.every((key, index) => keys[index] === key);
}

/** Every combination of one choice per argument (cartesian product). */
function combinations<T>(choices: T[][]): T[][] {
  return choices.reduce<T[][]>((done, options) => done.flatMap((prefix) => options.map((o) => [...prefix, o])), [[]]);
}

interface Node {
  step: Step;
  children: Map<string, Node>;
}

/** Merges the paths into one document; selection sets take turns being plain, inline or named fragments. */
function render(kind: 'query' | 'mutation', variableDefinitions: string, paths: Path[]): string {
  const top = new Map<string, Node>();
  for (const path of paths) {
    let level = top;
    for (const step of path) {
      let node = level.get(step.source);
      if (!node) level.set(step.source, (node = { step, children: new Map() }));
      level = node.children;
    }
  }
  const fragments: string[] = [];
  let turn = 0;
  const selection = (node: Node): string => {
    if (node.children.size === 0) return node.step.source;
    const inner = [...node.children.values()].map(selection).join(' ');
    const type = node.step.typeName;
    switch (turn++ % 3) {
      case 0:
        return `${node.step.source} { ${inner} }`;
      case 1:
        return `${node.step.source} { ... on ${type} { ${inner} } }`;
      default: {
        const name = `WalkFragment${fragments.length}`;
        fragments.push(`fragment ${name} on ${type} { ${inner} }`);
        return `${node.step.source} { ...${name} }`;
      }
    }
  };
  const roots = [...top.values()].map(selection).join(' ');
  return [`${kind} Walk${variableDefinitions} { ${roots} }`, ...fragments].join('\n');
}

export interface SentinelSighting {
  sentinel: string;
  /** The relation and field that returned it, e.g. `Position.hiringManager.email`; `(error)` for an error. */
  field: string;
  /** Where it was read, e.g. `interview(id: …).application.skillVerifications[].evidence[].evidence`. */
  path: string;
}

/**
 * Every place a response of the walk shows one of the sentinels (name → text). Compared without
 * case, and with folded iCalendar lines (CRLF + space) joined again.
 */
export function findSentinels(walk: SchemaWalk, sentinels: Record<string, string>): SentinelSighting[] {
  const wanted = Object.entries(sentinels).map(([name, text]) => [name, text.toLowerCase()] as const);
  const found = new Map<string, SentinelSighting>();
  let seen = new Set<string>();
  const check = (text: string, field: string, path: string) => {
    const plain = text.replace(/\r?\n[ \t]/g, '').toLowerCase();
    for (const [name, sentinel] of wanted) {
      if (!plain.includes(sentinel)) continue;
      seen.add(name);
      found.set(`${path} → ${name}`, { sentinel: name, field, path });
    }
  };
  const step = (path: string, key: string) => {
    const label = walk.aliases.get(key)?.label ?? key;
    return path ? `${path}.${label}` : label;
  };
  // `edge` is the field that led to `value` (`Position.hiringManager`); a string is reported as
  // that edge plus its own field (`Position.hiringManager.email`), which names the leaking relation.
  const visitData = (value: unknown, type: GraphQLNamedType | undefined, edge: string, field: string, path: string) => {
    if (typeof value === 'string') check(value, field, path);
    else if (Array.isArray(value)) for (const item of value) visitData(item, type, edge, field, `${path}[]`);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const name = walk.aliases.get(key)?.field ?? key;
        const owner = ownerOf(walk.schema, type, name);
        const next = owner && getNamedType(owner.getFields()[name]!.type);
        const child = `${owner?.name ?? '?'}.${name}`;
        visitData(item, next, child, edge ? `${edge}.${name}` : child, step(path, key));
      }
    }
  };
  const visitError = (value: unknown, path: string) => {
    if (typeof value === 'string') check(value, '(error)', path);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) visitError(item, path);
  };
  for (const response of walk.responses) {
    seen = new Set();
    const json = JSON.parse(response.body) as { data?: unknown; errors?: Array<{ path?: Array<string | number> }> };
    const root = response.kind === 'query' ? walk.schema.getQueryType() : walk.schema.getMutationType();
    visitData(json.data, root ?? undefined, '', '', '');
    for (const error of json.errors ?? []) {
      const where = (error.path ?? []).reduce<string>(
        (path, part) => (typeof part === 'number' ? `${path}[]` : step(path, part)),
        '',
      );
      visitError(error, `error at ${where || '(request)'}`);
    }
    // Whatever the walk above could not place still counts.
    const body = response.body.toLowerCase();
    for (const [name, sentinel] of wanted) {
      if (!seen.has(name) && body.includes(sentinel)) check(sentinel, '?', '(elsewhere in a response body)');
    }
  }
  return [...found.values()];
}

/** The object type that declares `field` where `type` is selected (an abstract type: the first possible type). */
function ownerOf(schema: GraphQLSchema, type: GraphQLNamedType | undefined, field: string) {
  if (!type) return undefined;
  const candidates = isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  return candidates.find((candidate) => field in candidate.getFields());
}
