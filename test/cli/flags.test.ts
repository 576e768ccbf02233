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
