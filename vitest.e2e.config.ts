import { defineConfig } from 'vitest/config';

// E2E: the built extension in real Chromium. One file at a time: the machine has two cores. The
// builds are made first when missing or older than the sources (tests/e2e/global-setup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
