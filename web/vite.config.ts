import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app is served by the Fastify server under a CSP of `script-src 'self'`,
 * so nothing here may emit inline scripts. In development /api goes to a local server.
 */
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chunks are split by route (React.lazy); the warning limit is for the ECharts chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React gets a chunk of its own with a stable name; the rest is split by route automatically.
        codeSplitting: { groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    port: 5173,
    // The API and the server-rendered public portal pages come from the Fastify server.
    // `^/public/?$` is the portal's home; /public/verify and /public/service-request are the SPA's own.
    proxy: Object.fromEntries(
      ['/api', '/verify', '^/public/?$', '/public/inspections', '/public/dishonesty', '/public/services', '/public/recalls', '/public/complaints', '/public/institutions', '/public/cases', '/public/qa'].map((p) => [
        p,
        { target: 'http://localhost:8080', changeOrigin: false },
      ]),
    ),
  },
});
