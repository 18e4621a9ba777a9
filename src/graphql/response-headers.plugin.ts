import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The HTTP headers of every GraphQL response:
 * - `cache-control: no-store`: answers are per user, so no browser or proxy may keep them. Apollo's
 *   own cache-control plugin, which would compute a policy from per-field hints on every field of
 *   every request, is turned off (graphql.config.ts); this product gives no hints.
 * - `retry-after` (seconds) on a response with RATE_LIMITED errors, the longest wait of its errors;
 *   clients and proxies that know the header back off without reading the body.
 */
export const responseHeadersPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors) return;
        const waits = errors
          .map((error) => error.extensions?.retryAfter)
          .filter((wait): wait is number => typeof wait === 'number');
        if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  },
};
