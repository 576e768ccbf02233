import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README is the front door: what the kit is, how to install it, three quick starts, links to the reference.
// The reference itself lives in docs/ (test/docs/ keeps it true); the commands and imports the README shows are
// checked against the real CLI and entry points by test/docs/code-examples.test.ts.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The text under a `## heading` of the README, up to the next one. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}`);
  return start === -1 ? '' : readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe('the README', () => {
  it('says how to install the kit', () => {
    expect(section('Install')).toContain('```sh\nnpm install --save-dev twiml-fax-kit\n```');
  });

  it('gives three quick starts that need nothing from this repository: a live URL, vitest, Pact', () => {
    const [live, vitest, pact] = [section('Quick start 1'), section('Quick start 2'), section('Quick start 3')];
    expect(live).toMatch(/\nnpx twiml-fax-kit check https:\/\/\S+/);
    expect(vitest).toContain("import { describeFaxConformance } from 'twiml-fax-kit/vitest';");
    expect(pact).toMatch(/\nnpx twiml-fax-kit pact generate --provider \S+/);
    expect(pact).toMatch(/npx twiml-fax-kit pact verify http:\/\/\S+/);
    // The old quick start (`npm ci && npm start`) ran only inside a clone of this repository.
    for (const start of [live, vitest, pact]) expect(start).not.toMatch(/npm ci|examples\/|contracts\//);
  });

  it('links to every page of the reference', () => {
    for (const page of ['docs/README.md', 'docs/cli.md', 'docs/checks.md', 'docs/report.md', 'docs/ci.md', 'docs/pact.md', 'docs/api.md', 'docs/assumptions.md', 'docs/protocol.md']) {
      expect(readme).toContain(`](${page})`);
    }
  });

  it('shows npm test as the test command', () => {
    expect(section('Development')).toMatch(/\nnpm test\s+#/);
  });

  it('stays a front door: about 6 kB, the reference in docs/', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(7_000);
  });
});
