/**
 * `npm run bench`: where the kit's time goes, as ratios measured side by side in one run (never absolute
 * thresholds: the machines are shared and noisy). Each group compares the kit's implementation with a reference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Bench } from 'tinybench';
import twilio from 'twilio';
import { createSender, inProcessTransport, networkTransport } from '../src/sender/index.js';
import { signTwilioRequest } from '../src/signature/index.js';
import { validateFaxTwiml } from '../src/twiml/index.js';

const REPLY = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Receive action="/fax/received" method="POST" mediaType="application/pdf" pageSize="letter" storeMedia="true"/>
</Response>`;
// A reply just under Twilio's 64 kB limit: the largest the validator sees in practice.
const LARGE_REPLY = `<Response><!-- ${'x'.repeat(60_000)} --><Receive/></Response>`;
const PARAMS = {
  FaxSid: 'FX0123456789abcdef0123456789abcdef',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: '+15005550006',
  To: '"Jane O\'Neil" <sip:jane@example.com>',
  ApiVersion: 'v1',
};
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 500);

interface Comparison {
  readonly group: string;
  readonly kit: string;
  readonly reference: string;
}

async function runGroup(bench: Bench, comparison: Comparison): Promise<string> {
  await bench.run();
  const mean = (name: string) => {
    const result = bench.getTask(name)?.result;
    if (!result || !('latency' in result)) throw new Error(`benchmark ${name} did not run`);
    return result.latency.mean;
  };
  const kit = mean(comparison.kit);
  const reference = mean(comparison.reference);
  const ratio = kit / reference;
  return `${comparison.group.padEnd(34)} ${comparison.kit} ${formatMs(kit)}  vs  ${comparison.reference} ${formatMs(reference)}  ratio ${ratio.toFixed(2)}x`;
}

function formatMs(ms: number): string {
  return ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const parser = new XMLParser({ ignoreAttributes: false });

  for (const [label, body] of [['validate a typical reply', REPLY], ['validate a 60 kB reply', LARGE_REPLY]] as const) {
    const bench = new Bench({ time: TIME_MS });
    bench
      .add('validateFaxTwiml', () => void validateFaxTwiml(body, { contentType: 'text/xml' }))
      .add('fast-xml-parser validate+parse', () => {
        XMLValidator.validate(body);
        parser.parse(body);
      });
    lines.push(await runGroup(bench, { group: label, kit: 'validateFaxTwiml', reference: 'fast-xml-parser validate+parse' }));
  }

  const signBench = new Bench({ time: TIME_MS });
  signBench
    .add('signTwilioRequest', () => void signTwilioRequest({ authToken: 'token', url: 'https://example.com/fax?x=1', params: PARAMS }))
    .add('twilio.getExpectedTwilioSignature', () => void twilio.getExpectedTwilioSignature('token', 'https://example.com/fax?x=1', PARAMS));
  lines.push(await runGroup(signBench, { group: 'sign a webhook', kit: 'signTwilioRequest', reference: 'twilio.getExpectedTwilioSignature' }));

  const handler = () => new Response(REPLY, { headers: { 'content-type': 'text/xml' } });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(REPLY));
  const url = await listen(server);
  const network = createSender({ transport: networkTransport() });
  const inProcess = createSender({ transport: inProcessTransport(handler) });
  const request = { method: 'POST' as const, url, params: Object.entries(PARAMS) };
  const sendBench = new Bench({ time: TIME_MS });
  sendBench
    .add('in-process exchange', async () => void (await inProcess.send(request)))
    .add('loopback exchange', async () => void (await network.send(request)));
  lines.push(await runGroup(sendBench, { group: 'deliver one webhook', kit: 'in-process exchange', reference: 'loopback exchange' }));
  await Promise.all([network.close(), inProcess.close()]);
  server.close();

  // Cold start of the built CLI (issue target: --help and --version within 1.5x a bare node start).
  const BIN = 'dist/src/bin.js';
  if (existsSync(BIN)) {
    for (const flag of ['--version', '--help']) {
      const coldBench = new Bench({ time: TIME_MS, iterations: 5 });
      coldBench
        .add(`twiml-fax-kit ${flag}`, () => void spawnSync(process.execPath, [BIN, flag], { stdio: 'ignore' }))
        .add('node -e 0', () => void spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }));
      lines.push(await runGroup(coldBench, { group: `cold start: ${flag}`, kit: `twiml-fax-kit ${flag}`, reference: 'node -e 0' }));
    }
  } else {
    lines.push(`cold start                         skipped: ${BIN} is not built (npm run build)`);
  }

  process.stdout.write(`twiml-fax-kit benchmarks (each ratio: kit / reference, lower is faster; ${TIME_MS} ms per task)\n`);
  for (const line of lines) process.stdout.write(`${line}\n`);
}

await main();
