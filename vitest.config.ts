import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Three projects, chosen by what a test touches, not by where it lives (files are never moved to sort them):
//   unit         pure functions and in-process transports: no socket, no process, no build. `npm run test:unit`.
//                test/support/unit-guard.ts makes a unit test that opens a socket or starts a process fail.
//   integration  real loopback servers, in-process harness and CLI runs, Pact's mock server and verifier, and small
//                tools as oracles (openssl, sh, file) or as the server a --start runs.
//   e2e          the kit (or its build, or its tooling) as a process: bin through tsx, the packed package, a child
//                vitest, tsc, the dependency rules; the lifecycle of started processes and signals.
// A folder belongs to one project; a file named on its own belongs to its project instead of its folder's.
// test/support/test-projects.test.ts asks vitest itself and fails when a test file lands in no project or in two.
export const TEST_PLACES = {
  unit: [
    'src/',
    'properties/',
    'contracts/',
    'test/twiml/',
    'test/signature/',
    'test/properties/',
    'test/reporters/',
    'test/support/',
    'test/bench/',
    'test/protocol.test.ts',
    'test/protocol/**/*.test.ts',
    'test/readme.test.ts',
    'test/checks/exchange-outcome.test.ts',
    'test/checks/form-encodings.test.ts',
    'test/checks/registry.test.ts',
    'test/checks/reply-summary.test.ts',
    'test/checks/stateful/http-validators.test.ts',
    'test/checks/stateful/not-modified-body.test.ts',
    'test/checks/stateful/pair-cookie-jars.test.ts',
    'test/cli/flags.test.ts',
    'test/msw/handlers.test.ts',
    'test/package/cli-help.test.ts',
    'test/package/public-surface.test.ts',
    'test/runner/check-tally.test.ts',
    'test/runner/redact.test.ts',
    'test/runner/retention.test.ts',
    'test/sender/urls.test.ts',
    'test/status-callback/generators.test.ts',
    'test/vitest/check-failure.test.ts',
  ],
  integration: [
    'test/checks/',
    'test/cli/',
    'test/docs/',
    'test/fallback/',
    'test/hostile/',
    'test/msw/',
    'test/pact/',
    'test/runner/',
    'test/sender/',
    'test/status-callback/',
    'test/vitest/',
    'test/zoo/',
    'test/lifecycle/wait-for-http.test.ts',
    'test/profile.test.ts',
    'test/signalwire/**/*.test.ts',
    'test/reporters/frozen-runs-fresh.test.ts',
    'test/reporters/one-color-rule.test.ts',
    'test/reporters/stopped-early.test.ts',
  ],
  e2e: [
    'test/e2e/',
    'test/lifecycle/',
    'test/package/',
    'test/support/test-projects.test.ts',
    'test/vitest/run-fixture.test.ts',
  ],
} as const satisfies Record<string, readonly string[]>;

const isFolder = (place: string): boolean => place.endsWith('/');

/** A project of the places it claims, minus the files other projects claim inside its folders. */
function project(name: keyof typeof TEST_PLACES, extra: TestProjectInlineConfiguration['test'] = {}): TestProjectInlineConfiguration {
  const mine: readonly string[] = TEST_PLACES[name];
  const claimedElsewhere = Object.entries(TEST_PLACES)
    .filter(([other]) => other !== name)
    .flatMap(([, places]) => places.filter((place) => !isFolder(place) && mine.some((folder) => isFolder(folder) && place.startsWith(folder))));
  return {
    extends: true,
    test: {
      name,
      include: mine.map((place) => (isFolder(place) ? `${place}**/*.test.ts` : place)),
      exclude: [...configDefaults.exclude, ...claimedElsewhere],
      ...extra,
    },
  };
}

export default defineConfig({
  test: {
    // Pact's core would try to send usage events; the network is closed here.
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two shared cores: more workers only fight over them.
    maxWorkers: 2,
    projects: [project('unit', { setupFiles: ['test/support/unit-guard.ts'], isolate: false }), project('integration'), project('e2e')],
  },
});
