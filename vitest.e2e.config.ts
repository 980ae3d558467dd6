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
    // What a test polls for is what a reader waits for: on a loaded machine a poll's 1 s default
    // (each try may attach to the page over CDP) ran out before the page had drawn it.
    expect: { poll: { timeout: 10_000 } },
  },
});
