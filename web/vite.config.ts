import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Assay web app. `npm run build:web` writes web/dist, which the API server serves at `/`.
// JSX goes through esbuild (no React plugin needed); `npm run dev:web` proxies the API to :3000.
const api = process.env.ASSAY_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // Mantine marks its modules "use client" (for React Server Components); meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/log', '/status', '/orgs', '/.well-known', '/schemas', '/openapi.json', '/docs'].map((p) => [p, api]),
    ),
  },
});
