import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/pagination';

export interface QueryCostOptions {
  /** Refuse operations whose estimated cost is above this. */
  maxCost: number;
  /** Items assumed in a list that no `first` argument bounds (plans, stages, questions...). */
  defaultListSize: number;
}

/**
 * Estimated cost of an operation: every field costs 1, and the fields below a list cost once per
 * item. A list's size is the `first` argument that governs it (a literal, or the page maximum for
 * a variable, since validation runs before variables are known), otherwise `defaultListSize`.
 * Fragments count as if written inline; their costs are memoised, so a "fragment bomb" (each
 * fragment spreading the previous one twice) is computed in linear time and still refused.
 *
 * graphql-armor's own cost limit multiplies only literal `first`/`last` arguments and ignores list
 * types, so `planTemplates { stages { questions } }` would look cheap; this rule replaces it.
 */
export function queryCostRule(options: QueryCostOptions): ValidationRule {
  return (context: ValidationContext) => {
    const memo = new Map<string, number>();
    const inProgress = new Set<string>();

    const listSizeOf = (field: FieldNode): number | null => {
      const first = field.arguments?.find((argument) => argument.name.value === 'first');
      if (!first) return null;
      if (first.value.kind === Kind.INT) return Math.max(0, Number(first.value.value));
      return MAX_PAGE_SIZE;
    };

    const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, pendingList: number | null): number => {
      let total = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          total += fieldCost(selection, parent, pendingList);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? context.getSchema().getType(typeName) : parent;
          if (type && isCompositeType(type)) total += selectionCost(selection.selectionSet, type, pendingList);
        } else {
          const name = selection.name.value;
          const key = `${name}|${pendingList ?? ''}`;
          const known = memo.get(key);
          if (known !== undefined) {
            total += known;
            continue;
          }
          const fragment = context.getFragment(name);
          const type = fragment && context.getSchema().getType(fragment.typeCondition.name.value);
          // Cycles are refused by NoFragmentCyclesRule; here they only must not loop.
          if (!fragment || !type || !isCompositeType(type) || inProgress.has(key)) continue;
          inProgress.add(key);
          const cost = selectionCost(fragment.selectionSet, type, pendingList);
          inProgress.delete(key);
          memo.set(key, cost);
          total += cost;
        }
      }
      return total;
    };

    const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, pendingList: number | null): number => {
      const name = field.name.value;
      if (name.startsWith('__')) return 0; // introspection: off in production, cheap in any case
      if (!field.selectionSet) return 1;
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      if (!definition) return 1; // unknown field: FieldsOnCorrectTypeRule reports it
      const type: GraphQLOutputType = definition.type;
      const named = getNamedType(type);
      if (!isCompositeType(named)) return 1;
      const ownSize = listSizeOf(field);
      const isList = isListType(getNullableType(type));
      // `first` on a connection bounds the `edges` list one level below.
      const multiplier = isList ? (ownSize ?? pendingList ?? options.defaultListSize) : 1;
      const passDown = isList ? null : (ownSize ?? null);
      return 1 + multiplier * selectionCost(field.selectionSet, named, passDown);
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : operation.operation === 'subscription'
              ? context.getSchema().getSubscriptionType()
              : context.getSchema().getQueryType();
        if (!root) return;
        const cost = selectionCost(operation.selectionSet, root, null);
        if (cost > options.maxCost) {
          context.reportError(
            new GraphQLError(
              `Query refused before running: its estimated cost ${Math.round(cost)} is above the limit of ${options.maxCost}. ` +
                'Ask for fewer fields or smaller pages (first), or split the query.',
              { nodes: [operation], extensions: { code: 'BAD_USER_INPUT', limit: 'cost', maximum: options.maxCost } },
            ),
          );
        }
      },
    };
  };
}
