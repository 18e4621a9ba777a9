// @ts-check
/**
 * Module boundaries, checked by `npm run lint` (docs/architecture.md, "Module boundaries").
 *
 * - A feature module may import only the modules below it in LAYERS (so modules never form a cycle).
 * - Outside a module, only its public surface `src/modules/<name>/index.ts` may be imported.
 * - The shared layers import no module at all.
 */

/** Bottom to top: a module may import only modules that come before it. */
const LAYERS = [
  'access',
  'identity',
  'audit',
  // Low so that the modules whose changes are events (pipeline, scheduling, scorecards) emit them.
  'webhooks',
  'notifications',
  'catalog',
  'positions',
  'candidates',
  'pipeline',
  'scheduling',
  'mail',
  'scorecards',
  'analytics',
  'work-queue',
  'alerts',
  'privacy',
  'demo',
];
/** Infrastructure modules, with the only modules each may import. */
const INFRASTRUCTURE = { system: [], health: ['system'] };

const ALL = [...LAYERS, ...Object.keys(INFRASTRUCTURE)];
const allowed = (name) => (name in INFRASTRUCTURE ? INFRASTRUCTURE[name] : LAYERS.slice(0, LAYERS.indexOf(name)));
const modulePath = (names) => `^src/modules/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...ALL.map((name) => {
      const forbiddenModules = ALL.filter((other) => other !== name && !allowed(name).includes(other));
      return {
        name: `layers-${name}`,
        comment: `${name} may import only: ${allowed(name).join(', ') || 'no module'}.`,
        severity: 'error',
        from: { path: `^src/modules/${name}/` },
        to: { path: modulePath(forbiddenModules) },
      };
    }),
    {
      name: 'no-deep-import-between-modules',
      comment: 'Another module is used through its public surface, src/modules/<name>/index.ts, only.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-deep-import-into-modules',
      comment: 'Composition roots, libs and tests use a module through its index.ts only.',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'no-cycle-between-modules',
      comment: 'An import from one module into another must not close a cycle.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { circular: true, pathNot: '^src/modules/$1/' },
    },
    {
      name: 'shared-layers-import-no-module',
      comment:
        'src/common, src/config (but entities.ts), src/graphql, libs/domain and libs/jobs are below every module.',
      severity: 'error',
      from: {
        path: '^(src/common|src/config|src/graphql|libs/domain|libs/jobs)/',
        pathNot: '^src/config/entities\\.ts$',
      },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
