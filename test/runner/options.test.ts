import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { checkServer, type CheckServerOptions } from '../../src/harness/check-server.js';
import { bufferIo } from '../support/buffer-io.js';

// What JavaScript callers pass by accident: `Number(process.env.X)` is NaN when X is unset.
const unset = Number(undefined);

describe('checkServer refuses options it cannot honour', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ concurrency: unset }, 'checkServer: concurrency must be a whole number of at least 1, not NaN'],
    [{ concurrency: 0 }, 'checkServer: concurrency must be a whole number of at least 1, not 0'],
    [{ concurrency: 2.5 }, 'checkServer: concurrency must be a whole number of at least 1, not 2.5'],
    [{ runs: unset }, 'checkServer: runs must be a whole number of at least 0, not NaN'],
    [{ runs: -1 }, 'checkServer: runs must be a whole number of at least 0, not -1'],
    [{ seed: 1.5 }, 'checkServer: seed must be a whole number from -2147483648 to 2147483647, not 1.5'],
    [{ timeoutMs: Infinity }, 'checkServer: timeoutMs must be a number of milliseconds from 1 to 2147483647, not Infinity'],
    [{ timeoutMs: unset }, 'checkServer: timeoutMs must be a number of milliseconds from 1 to 2147483647, not NaN'],
    [{ timeoutMs: -1 }, 'checkServer: timeoutMs must be a number of milliseconds from 1 to 2147483647, not -1'],
    [{ timeoutMs: '15000' }, "checkServer: timeoutMs must be a number of milliseconds from 1 to 2147483647, not '15000'"],
    [{ method: 'post' }, "checkServer: method must be one of 'POST', 'GET', 'both', not 'post'"],
    [{ expect: 'Receive' }, "checkServer: expect must be one of 'receive', 'reject', 'any', not 'Receive'"],
    [{ failOn: 'warnings' }, "checkServer: failOn must be one of 'error', 'warning', 'notice', 'never', not 'warnings'"],
    [{ authToken: '' }, 'checkServer: authToken must be a non-empty string (leave it out to send unsigned requests), not an empty string'],
    [{ mediaUrl: 'media.example.com' }, "checkServer: mediaUrl: 'media.example.com' has no scheme; give the full URL, e.g. http://media.example.com"],
    [{ shrink: { maxCases: 10 } }, 'checkServer: shrink needs both maxCases and maxMs (or false to report failures unshrunk)'],
    // Ignored, it would pass a run that never judged the fallback.
    [{ endpoint: 'fallback', fallbackUrl: 'http://127.0.0.1:1/fallback' }, "checkServer: fallbackUrl is played beside a fax URL (endpoint 'webhook'), not with endpoint 'fallback': the URL checked is the fallback itself"],
    // An empty port (a shell variable left empty) would quietly be port 80.
    [{ mediaUrl: 'http://127.0.0.1:/media' }, "checkServer: mediaUrl: 'http://127.0.0.1:/media' has an empty port after the ':'; give the port (e.g. http://127.0.0.1:3000/media) or leave the ':' out for the scheme's own"],
  ])('throws a TypeError naming the option and its range for %j', async (options, message) => {
    const running = checkServer({ url: 'http://127.0.0.1:1/fax' }, options as CheckServerOptions);
    await expect(running).rejects.toThrow(TypeError);
    await expect(running).rejects.toThrow(message);
  });

  it('takes the edges of every range', async () => {
    // Nothing listens on port 1: the run is quick, and what matters is that it runs.
    const report = await checkServer({ url: 'http://127.0.0.1:1/fax' }, { runs: 0, seed: -5, concurrency: 1, timeoutMs: 1, checks: ['reachable'] });
    expect(report.summary.plannedCases).toBe(2);
  });
});

describe('check refuses a timeout Node cannot keep', () => {
  it('exits 2 for a --timeout past the longest timer, which would fire after 1 ms', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', 'http://127.0.0.1:1/fax', '--timeout', '2147483648'], io)).toBe(2);
    expect(stderr()).toBe("twiml-fax-kit: --timeout must be a whole number from 1 to 2147483647, not '2147483648'\n");
  });
});
