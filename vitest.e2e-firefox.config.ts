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
  },
});
