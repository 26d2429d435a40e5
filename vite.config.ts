import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { securityHeaders } from './scripts/security-headers.mjs';

/** Setup shared by every test project: fake IndexedDB, and DOM cleanup where there is a DOM. */
const setupFiles = ['tests/setup/vitest-setup.ts'];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  // Response headers, not <meta>: browsers ignore frame-ancestors in a meta CSP.
  server: {
    port: 5173,
    strictPort: false,
    headers: { ...securityHeaders },
  },
  preview: {
    port: 4173,
    headers: { ...securityHeaders },
  },
  test: {
    // Vitest 4 dropped environmentMatchGlobs: each environment is a project that inherits this
    // config (`extends: true`) and owns a disjoint set of files.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/contract/**/*.test.ts',
          ],
          setupFiles,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'tests/unit/**/*.test.tsx', 'tests/features/**/*.test.tsx'],
          setupFiles,
        },
      },
    ],
    exclude: ['**/node_modules/**', 'dist/**', 'tests/e2e/**', 'bench/**', 'bench-results/**'],
  },
});
