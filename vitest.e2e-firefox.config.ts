import { defineConfig } from 'vitest/config';

// E2E in Firefox: the production Firefox build in Debian's firefox-esr over WebDriver BiDi. Built
// first when missing or older than the sources (tests/e2e-firefox/global-setup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // What a test polls for is what a reader waits for: on a loaded machine a poll's 1 s default
    // (each try may attach to the page over CDP) ran out before the page had drawn it.
    expect: { poll: { timeout: 10_000 } },
  },
});
