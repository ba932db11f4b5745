import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { runDataDir } from './tests/setup/run-paths';

export default defineConfig({
  resolve: {
    alias: {
      '@config': fileURLToPath(new URL('./config', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'config/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', '.next/**', '.data/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/env.ts'],
    // Test files share nothing but the migrated template; each opens its own database.
    env: {
      NODE_ENV: 'test',
      PORTAL_URL: 'http://localhost:3000',
      PORTAL_SERVER_SECRET: 'test-server-secret-not-for-production',
      DATA_DIR: runDataDir,
    },
    // Vitest's default (CPUs - 1) is a single worker on a 2-CPU runner; test files wait on the
    // database as much as on the CPU.
    maxWorkers: Math.max(2, os.availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
