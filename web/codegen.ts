import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the API's committed schema. `npm run codegen` writes web/src/graphql/;
// `npm run lint` runs it with --check, so a stale output (schema or an operation changed) fails.
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/graphql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
