import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: contract fuzzing and kill -9 crash tests (slow; CI runs them after `npm test`). */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
