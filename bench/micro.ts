import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bench } from 'tinybench';
import twilio from 'twilio';
import { createSender, inProcessTransport, networkTransport } from '../src/sender/index.js';
import { signTwilioRequest } from '../src/signature/index.js';
import { formatMs } from './measure.js';
import type { BenchRow } from './row.js';

const REPLY = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Receive action="/fax/received" method="POST" mediaType="application/pdf" pageSize="letter" storeMedia="true"/>
</Response>`;
const PARAMS = {
  FaxSid: 'FX0123456789abcdef0123456789abcdef',
  AccountSid: 'AC0123456789abcdef0123456789abcdef',
  From: '+15005550006',
  To: '"Jane O\'Neil" <sip:jane@example.com>',
  ApiVersion: 'v1',
};

/** Runs two tinybench tasks side by side and returns the row comparing their mean times (kit / reference). */
async function compare(what: string, timeMs: number, kit: readonly [string, () => unknown], reference: readonly [string, () => unknown]): Promise<BenchRow> {
  const bench = new Bench({ time: timeMs });
  bench.add(kit[0], kit[1]).add(reference[0], reference[1]);
  await bench.run();
  const mean = (name: string) => {
    const result = bench.getTask(name)?.result;
    if (!result || !('latency' in result)) throw new Error(`benchmark ${name} did not run`);
    return result.latency.mean;
  };
  const kitMs = mean(kit[0]);
  const referenceMs = mean(reference[0]);
  return { what, kit: `${kit[0]} ${formatMs(kitMs)}`, reference: `${reference[0]} ${formatMs(referenceMs)}`, ratio: kitMs / referenceMs, target: {} };
}

/**
 * Rows for information, without targets: signing against twilio-node (the oracle the kit must agree with), and one
 * exchange in process against one over loopback (what a user gains by checking an app in process).
 */
export async function microRows(timeMs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(
    await compare(
      'sign a webhook',
      timeMs,
      ['signTwilioRequest', () => signTwilioRequest({ authToken: 'token', url: 'https://example.com/fax?x=1', params: PARAMS })],
      ['twilio.getExpectedTwilioSignature', () => twilio.getExpectedTwilioSignature('token', 'https://example.com/fax?x=1', PARAMS)],
    ),
  );
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(REPLY));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
  const network = createSender({ transport: networkTransport() });
  const inProcess = createSender({ transport: inProcessTransport(() => new Response(REPLY, { headers: { 'content-type': 'text/xml' } })) });
  const request = { method: 'POST' as const, url, params: Object.entries(PARAMS) };
  rows.push(await compare('deliver one webhook', timeMs, ['in process', () => inProcess.send(request)], ['over loopback', () => network.send(request)]));
  await Promise.all([network.close(), inProcess.close()]);
  await new Promise((resolve) => server.close(resolve));
  return rows;
}
