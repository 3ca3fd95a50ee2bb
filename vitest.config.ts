import { defineConfig } from 'vitest/config';

// Unit tests: shared/ and electron/ logic run in Node; renderer units pick jsdom per file.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
