import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/e2e-firefox/**', 'node_modules/**'],
    // A test that builds the default pack's automaton takes ~1 s alone and far longer on a machine
    // whose cores are busy; 5 s (the default) failed such tests under load without any fault.
    testTimeout: 30_000,
  },
});
