import { Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { AuthenticatedRequest } from '../../common/auth/access-token.guard';
import { errorCodeOf } from '../../graphql/format-error';
import { takeContactReads } from './audit-context';
import { AuditService, type NewAuditEntry } from './audit.service';

type Context = { req?: AuthenticatedRequest };

/**
 * Appends to the audit log every root mutation field of a request (including refused and failed
 * ones: the guards run inside the field's resolver) and every candidate whose contact details the
 * request showed. Written once per request before the answer leaves, on a connection of its own.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<Context> {
  private readonly logger = new Logger(AuditPlugin.name);

  constructor(private readonly audit: AuditService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    const mutations: NewAuditEntry[] = [];
    return {
      // Only a mutation is listened to field by field: a listener on a query would run for each of
      // its fields (5,000 in a list of 200 positions with their stages) to record nothing.
      executionDidStart: async ({ operation }) => {
        if (operation.operation !== 'mutation') return;
        return {
          willResolveField: ({ info, args }) => {
            if (info.path.prev !== undefined) return;
            return (error, result) => {
              // Nest's exception filter hands the error back as the resolver's value; GraphQL throws it later.
              const failure = error ?? (result instanceof Error ? result : null);
              mutations.push({
                action: info.fieldName,
                ...target(args, failure ? undefined : result),
                outcome: failure ? errorCodeOf(failure) : 'OK',
                fields: fieldNames(args),
              });
            };
          },
        };
      },
      willSendResponse: async ({ contextValue }) => {
        const request = contextValue.req;
        const who = {
          actorId: request?.actor?.userId ?? null,
          requestId: request?.id ? String(request.id) : null,
          ip: request?.ip ?? null,
        };
        const entries: NewAuditEntry[] = [
          ...mutations.map((entry) => ({ ...who, ...entry })),
          ...takeContactReads(contextValue).map((candidateId) => ({
            ...who,
            action: 'candidate.contact.read',
            targetType: 'Candidate',
            targetId: candidateId,
            outcome: 'OK',
          })),
        ];
        try {
          await this.audit.append(entries);
        } catch (error) {
          // The operation already happened; losing its audit line must at least be loud.
          this.logger.error({ err: error, requestId: who.requestId }, 'Could not append to the audit log');
        }
      },
    };
  }
}

/** The record a mutation names: an `id` argument, the input's first `…Id` field, or the payload's record. */
function target(args: Record<string, unknown>, result: unknown): { targetType: string; targetId: string | null } {
  if (typeof args.id === 'string') return { targetType: 'Record', targetId: args.id };
  const input = args.input;
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      if (typeof value === 'string' && /^[a-z]+Id$/.test(key)) {
        return { targetType: capitalize(key.slice(0, -2)), targetId: value };
      }
    }
  }
  if (result && typeof result === 'object') {
    for (const [key, value] of Object.entries(result)) {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id === 'string') return { targetType: capitalize(key), targetId: id };
    }
  }
  return { targetType: 'None', targetId: null };
}

/** The names of the fields a mutation's input set: names only, never values (they may be personal). */
function fieldNames(args: Record<string, unknown>): string[] {
  const input = args.input;
  const source = input && typeof input === 'object' && !Array.isArray(input) ? input : args;
  return Object.entries(source)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
