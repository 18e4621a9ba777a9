# One image for the three roles. The default command runs the API; the worker and the one-shot
# migration run from the same image with another command:
#   docker run ... interview-pipeline                                 # API on port 3000
#   docker run ... interview-pipeline node dist/src/worker.js         # worker
#   docker run ... interview-pipeline node dist/src/cli/migrate.js    # migrations, then exit
# Configuration comes from the environment only (see docs/operations.md); the image holds no .env.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY libs ./libs
COPY migrations ./migrations
# The web app (built by Vite into dist/web, which the API serves at /); its browser tests stay out.
COPY web ./web
# Compile to dist/, then drop the dev dependencies (TypeScript, Jest, ESLint, Vite, React) from node_modules.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the process: the application writes no files.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The unprivileged user that the official Node.js image provides (uid 1000).
USER node
EXPOSE 3000
# Exec form: node is PID 1 and receives SIGTERM itself (graceful shutdown, see docs/architecture.md).
CMD ["node", "dist/src/main.js"]
