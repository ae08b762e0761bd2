import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** The staff web app: built into dist/web, served by the server at /app/. */
export default defineConfig({
  root: 'web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite` during development: the API is the real server on PORT (3000 by default).
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` },
    fs: { allow: [repoRoot] },
  },
});
