import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { currentAccessToken, refreshSession } from '../app/session';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * GraphiQL against this service's /graphql, signed in as the web app's user: the refresh-token
 * cookie the app set is exchanged for an access token (kept in memory, as in the app), and every
 * operation carries it. Without a session, operations run anonymously (sign-in is at /).
 */
const fetcher: Fetcher = async (params) => {
  const token = await currentAccessToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

const DEFAULT_QUERY = `# Run with Ctrl+Enter; the schema is under Docs.
# You act as the web app's signed-in user.
# Examples per role: docs/api.md.
query Me {
  me {
    id
    name
    roles
  }
}
`;

void refreshSession()
  .catch(() => null)
  .finally(() => {
    createRoot(document.getElementById('explorer')!).render(
      <StrictMode>
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </StrictMode>,
    );
  });
