import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';

describe('flags every command shares', () => {
  it.each([
    [['check', 'http://127.0.0.1:1/fax', '--bogus'], "twiml-fax-kit: unknown option '--bogus' (see 'twiml-fax-kit check --help')\n"],
    [['validate', '--bogus'], "twiml-fax-kit: unknown option '--bogus' (see 'twiml-fax-kit validate --help')\n"],
    [['check', 'http://127.0.0.1:1/fax', '--runs'], "twiml-fax-kit: option '--runs <value>' argument missing (see 'twiml-fax-kit check --help')\n"],
    [['check', 'http://127.0.0.1:1/fax', '--runs', '-1'], "twiml-fax-kit: --runs needs a value (one that starts with '-' goes as --runs=VALUE) (see 'twiml-fax-kit check --help')\n"],
  ])('answers %j with one line on stderr and exit 2', async (argv, expected) => {
    const { io, stdout, stderr } = bufferIo({ env: { PACT_DO_NOT_TRACK: 'true' } });
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toBe(expected);
    expect(stdout()).toBe('');
  });
});

describe('did you mean', () => {
  it.each([
    [['check', 'http://127.0.0.1:1/fax', '--metod', 'GET'], "twiml-fax-kit: unknown option '--metod'; did you mean --method? (see 'twiml-fax-kit check --help')\n"],
    [['check', 'http://127.0.0.1:1/fax', '--fail_on', 'error'], "twiml-fax-kit: unknown option '--fail_on'; did you mean --fail-on? (see 'twiml-fax-kit check --help')\n"],
    [['check', 'http://127.0.0.1:1/fax', '--wait-t', '9'], "twiml-fax-kit: unknown option '--wait-t'; did you mean --wait-timeout? (see 'twiml-fax-kit check --help')\n"],
    [['validate', '--reporters', 'json'], "twiml-fax-kit: unknown option '--reporters'; did you mean --reporter? (see 'twiml-fax-kit validate --help')\n"],
    [['chek', 'http://127.0.0.1:1/fax'], "twiml-fax-kit: unknown command 'chek'; did you mean 'check'? commands: check, validate, pact (see 'twiml-fax-kit --help')\n"],
  ])('suggests the command or flag %j most likely meant', async (argv, expected) => {
    const { io, stderr } = bufferIo({ env: { PACT_DO_NOT_TRACK: 'true' } });
    expect(await runCli(argv, io)).toBe(2);
    expect(stderr()).toBe(expected);
  });

  it('suggests the check ids that --checks and --skip-checks most likely meant', async () => {
    const { io, stderr } = bufferIo({ env: { PACT_DO_NOT_TRACK: 'true' } });
    expect(await runCli(['check', 'http://127.0.0.1:1/fax', '--checks', 'content-typ,status-code', '--skip-checks', 'reachabel'], io)).toBe(2);
    expect(stderr()).toMatch(/^twiml-fax-kit: unknown checks 'content-typ', 'reachabel'; did you mean 'content-type' for 'content-typ', 'reachable' for 'reachabel'\? Valid checks: reachable, /);
  });
});
