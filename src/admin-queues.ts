import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import { ALL_QUEUES } from '../libs/jobs';
import type { AppConfig } from './config/app-config';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** Who may open Bull Board: `allowed`, or why not (401 without a valid session, 403 for a non-admin). */
export type AdminAccess = (request: FastifyRequest) => Promise<'allowed' | 'unauthenticated' | 'forbidden'>;

const REFUSALS = {
  unauthenticated: [
    401,
    'The queue board is for signed-in admins: send an admin access token, or sign in to the web app at / first.',
  ],
  forbidden: [403, 'The queue board is for admins; your account is not one.'],
} as const;

/**
 * Bull Board at /admin/queues on the API's Fastify instance: every queue of libs/jobs, seen through
 * connections of its own (the API runs no processors). Every request under the path, its page, its
 * assets and its JSON API alike, is checked by `access` first. Call before serveWebApp: Bull Board
 * registers its own @fastify/static, which must live in its own plugin scope.
 */
export async function serveAdminQueues(
  app: NestFastifyApplication,
  config: AppConfig,
  access: AdminAccess,
): Promise<void> {
  const queues = ALL_QUEUES.map(
    (name) =>
      new Queue(name, {
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        prefix: config.redis.queuePrefix,
      }),
  );
  const board = new FastifyAdapter();
  board.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'interview-pipeline jobs' } },
  });
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const verdict = await access(request);
      if (verdict === 'allowed') return;
      const [status, message] = REFUSALS[verdict];
      return reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(message);
    });
    await scope.register(board.registerPlugin(), { prefix: ADMIN_QUEUES_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close()));
  });
}
