import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { queryCostRule } from './query-cost';

/**
 * What one GraphQL operation may ask for; everything is checked after parsing and before any
 * resolver runs. Tuned so the largest operations of the app and the e2e suite fit with room to
 * spare (docs/security.md lists them).
 */
export const QUERY_LIMITS = {
  /** Aliased fields per operation, fragments included (e.g. 300 aliased `planTemplates`). */
  maxAliases: 20,
  /** Nesting of selection sets, fragments included; the deepest app query (a kit) is about 8. */
  maxDepth: 12,
  /** Directives per operation (`@include`, `@skip`...). */
  maxDirectives: 20,
  /** Lexical tokens of the document (names, punctuation, values); checked while parsing. */
  maxTokens: 2000,
  /** Estimated cost (see query-cost.ts). */
  maxCost: 100_000,
  /** Items assumed in a list that no `first` argument bounds. */
  defaultListSize: 10,
} as const;

const WHAT: Array<[RegExp, string]> = [
  [/^Aliases limit/, 'it uses too many aliases'],
  [/^Query depth limit/, 'it exceeds maximum operation depth'],
  [/^Directives limit/, 'it uses too many directives'],
  [/^Token limit/, 'the document is too long (too many tokens)'],
];

/** armor's "Syntax Error: Aliases limit of 20 exceeded, found 300." -> a message that says what to do. */
export function explainLimit(armorMessage: string): string {
  const message = armorMessage.replace(/^Syntax Error: /, '');
  const what = WHAT.find(([pattern]) => pattern.test(message))?.[1] ?? 'it is too large';
  const numbers = /limit of (\d+) exceeded(?:, found (\d+))?/.exec(message);
  const detail = numbers ? ` (limit ${numbers[1]}${numbers[2] ? `, found ${numbers[2]}` : ''})` : '';
  return `Query refused before running: ${what}${detail}.`;
}

const report: GraphQLArmorRejectCallback = (context, error) => {
  const refusal = new GraphQLError(explainLimit(error.message), { extensions: { code: 'BAD_USER_INPUT' } });
  if (context) context.reportError(refusal);
  else throw refusal;
};

/** Validation messages end with `Did you mean "email"?`, which reveals field and type names. */
const noSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/ ?Did you mean .+\?$/s, '');
      },
    };
  },
};

/**
 * graphql-armor's aliases, depth, directives and token limits, the list-aware cost rule, and (in
 * production) no "Did you mean ...?" suggestions, which would list fields introspection hides.
 */
export function queryLimits(options: {
  blockFieldSuggestions: boolean;
  overrides?: Partial<Record<Exclude<keyof typeof QUERY_LIMITS, 'defaultListSize'>, number>>;
}): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const limits: Record<keyof typeof QUERY_LIMITS, number> = { ...QUERY_LIMITS, ...options.overrides };
  const reject = { propagateOnRejection: false, onReject: [report], exposeLimits: true };
  const armor = new ApolloArmor({
    maxAliases: { ...reject, n: limits.maxAliases },
    maxDepth: { ...reject, n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxDirectives: { ...reject, n: limits.maxDirectives },
    maxTokens: { ...reject, n: limits.maxTokens },
    costLimit: { enabled: false },
    // armor's version leaves "... [Suggestion hidden]?"; ours drops the sentence.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin[]), ...(options.blockFieldSuggestions ? [noSuggestions] : [])],
    validationRules: [
      ...armor.validationRules,
      queryCostRule({ maxCost: limits.maxCost, defaultListSize: limits.defaultListSize }),
    ],
  };
}
