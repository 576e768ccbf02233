/**
 * The dependency rules of ARCHITECTURE.md, checked by `npm run lint:deps` (part of `npm test`) with
 * dependency-cruiser. `scripts/lint-deps.mjs` hands dependency-cruiser a skeleton of the TypeScript sources (one `.js`
 * file per `.ts` file, holding its imports, type-only ones included): paths below are those of the sources, as `.js`.
 */

/**
 * The layers, bottom to top. A module may import its own layer's folder and any layer below; never one above. The
 * folders of one tier do not import each other, except as `SIDEWAYS` allows.
 */
const LAYERS = [
  { tier: 'protocol', folders: ['src/protocol'] },
  { tier: 'model', folders: ['src/model'] },
  { tier: 'core', folders: ['src/twiml', 'src/signature', 'src/secrets', 'src/loopback', 'properties'] },
  { tier: 'sender', folders: ['src/sender'] },
  { tier: 'checks', folders: ['src/checks'] },
  { tier: 'runner', folders: ['src/runner'] },
  { tier: 'reporters', folders: ['src/reporters'] },
  { tier: 'adapters', folders: ['src/media', 'src/lifecycle', 'src/msw', 'src/pact'] },
  { tier: 'harness', folders: ['src/harness'] },
  { tier: 'vitest', folders: ['src/vitest'] },
  { tier: 'cli', folders: ['src/cli'] },
  { tier: 'bin', folders: ['src/bin.js'] },
];

/** Imports allowed between folders of one tier. */
const SIDEWAYS = [
  ['properties', 'src/signature'],
  ['src/msw', 'src/media'],
  ['src/pact', 'src/media'],
];

/** The package's entry files (package.json `exports` and `bin`): imported from outside only. */
const ENTRIES = ['src/index.js', 'src/harness/index.js', 'src/pact/index.js', 'src/msw/index.js', 'src/vitest/index.js', 'properties/index.js', 'src/bin.js'];

/** What importing the root entry must never load (a test spawns node and checks the same at run time). */
const HEAVY = ['undici', 'msw', '@pact-foundation/[^/]+', 'tough-cookie', 'http-cache-semantics', 'cli-progress', 'fast-check', 'vitest'];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathOf = (folder) => (folder.endsWith('.js') ? `^${escape(folder)}$` : `^${escape(folder)}/`);
const anyOf = (folders) => folders.map(pathOf);

const layerRules = LAYERS.flatMap(({ tier, folders }, index) => {
  const above = LAYERS.slice(index + 1).flatMap((layer) => layer.folders);
  const upward =
    above.length === 0
      ? []
      : [
          {
            name: `layer-${tier}`,
            comment: `${folders.join(', ')} may not import a layer above it (${above.join(', ')}); see ARCHITECTURE.md`,
            severity: 'error',
            from: { path: anyOf(folders) },
            to: { path: anyOf(above) },
          },
        ];
  const sideways = folders.flatMap((folder) => {
    const others = folders.filter((other) => other !== folder && !SIDEWAYS.some(([from, to]) => from === folder && to === other));
    return others.length === 0
      ? []
      : [
          {
            name: `tier-${tier}-sideways`,
            comment: `${folder} may not import ${others.join(', ')}: folders of one tier stay independent`,
            severity: 'error',
            from: { path: pathOf(folder) },
            to: { path: anyOf(others) },
          },
        ];
  });
  return [...upward, ...sideways];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle (between files or folders) makes the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'no-entry-from-inside',
      comment: 'Entry files are for users; code inside the package imports the module that defines what it needs.',
      severity: 'error',
      from: { path: '^(src|properties)/' },
      to: { path: ENTRIES.map((entry) => `^${escape(entry)}$`) },
    },
    {
      name: 'root-entry-is-the-core',
      comment: 'The root entry exports the core only: protocol, model, the TwiML validator and signatures.',
      severity: 'error',
      from: { path: '^src/index\\.js$' },
      to: { pathNot: ['^src/(protocol|model|twiml|signature)/'] },
    },
    {
      name: 'root-entry-stays-light',
      comment: `Nothing the root entry reaches loads ${HEAVY.join(', ')} or child processes.`,
      severity: 'error',
      from: { path: '^src/index\\.js$' },
      to: { path: [...HEAVY.map((name) => `(^|/)node_modules/${name}/`), '^(node:)?child_process$'], reachable: true },
    },
    {
      name: 'properties-imports-core-only',
      comment: 'The generators (twiml-fax-kit/properties) build on protocol data, the model and signatures only.',
      severity: 'error',
      from: { path: '^properties/' },
      to: { path: '^src/', pathNot: '^src/(protocol|model|signature)/' },
    },
    {
      name: 'optional-peers-in-their-adapter',
      comment: 'vitest and Pact are optional peer dependencies: only src/vitest imports vitest, only src/pact imports Pact.',
      severity: 'error',
      from: { pathNot: '^src/(vitest|pact)/' },
      to: { path: '(^|/)node_modules/(vitest|@pact-foundation/[^/]+)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
  },
};
