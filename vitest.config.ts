import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'properties/**/*.test.ts', 'contracts/**/*.test.ts'],
    // Pact's core would try to send usage events; the network is closed here.
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two shared cores: more workers only fight over them.
    maxWorkers: 2,
  },
});
