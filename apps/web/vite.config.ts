import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

/** Where `pnpm dev` finds the API server (its own default port). */
const apiServer = process.env.ICP_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    // The built app is served to anyone who can reach the server: no source maps with its sources.
    sourcemap: false,
    // The server sends a Content-Security-Policy without inline scripts; keep the build compatible.
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/trpc': apiServer,
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
});
