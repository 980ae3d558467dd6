import { defineConfig } from 'vitest/config';

// E2E: the built extension in real Chromium. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
