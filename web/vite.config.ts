/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The host (src/BrandHub) serves the built files at "/" with SPA fallback and
// the API at /api/v1 on the same origin. In development Vite proxies the API.
const hostUrl = process.env.BRANDHUB_HOST_URL ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../src/BrandHub/wwwroot',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: hostUrl, changeOrigin: false },
      '/openapi': { target: hostUrl, changeOrigin: false },
      '/health': { target: hostUrl, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    css: false,
  },
});
