import { defineConfig } from 'vitest/config';

// Unit tests: shared/ and electron/ logic run in Node; renderer units pick jsdom per file.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    // Some suites build an engine of several thousand events before their tests: not a speed check.
    hookTimeout: 60_000,
  },
});
