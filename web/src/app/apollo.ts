import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { from, switchMap, throwError } from 'rxjs';
import { currentAccessToken, refreshSession } from './session';

const authorization = new SetContextLink(async (previous) => {
  const token = await currentAccessToken();
  return { headers: { ...previous.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
});

/** An access token the server no longer takes: refresh once and retry; a failed refresh signs out. */
const retryUnauthenticated = new ErrorLink(({ error, operation, forward }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  if (!error.errors.some((entry) => entry.extensions?.code === 'UNAUTHENTICATED')) return;
  if (operation.getContext().retried) return;
  operation.setContext({ retried: true });
  return from(refreshSession()).pipe(switchMap((user) => (user ? forward(operation) : throwError(() => error))));
});

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    // JSON POSTs satisfy the API's CSRF prevention; the cookie goes only to /graphql on this origin.
    link: ApolloLink.from([
      retryUnauthenticated,
      authorization,
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { candidates: relayStylePagination(['search']) } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
