import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A response with a RATE_LIMITED error carries the HTTP Retry-After header (seconds), the longest
 * wait of its errors; clients and proxies that know the header back off without reading the body.
 */
export const retryAfterPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const waits = (response.body.singleResult.errors ?? [])
          .map((error) => error.extensions?.retryAfter)
          .filter((wait): wait is number => typeof wait === 'number');
        if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  },
};
