import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API explorer (GraphiQL), built on its own so that none of its code (Monaco, all of graphql-js)
// lands in the chunks the app loads. The API serves it at GET /graphql (src/web-app.ts).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web/explorer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: { input: fileURLToPath(new URL('explorer/index.html', import.meta.url)) },
  },
});
