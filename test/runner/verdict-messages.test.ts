import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkServer } from '../../src/harness/check-server.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A plain node:http server on loopback answering every request with `reply(body)` as text/xml. */
async function serve(reply: (body: string) => string): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(reply(body)));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/fax`;
}

describe("check's findings say what the validator's verdict says", () => {
  it('states the consequence of a miscased Action in the finding, as the verdict line does', async () => {
    const url = await serve(() => '<Response><Receive Action="/fax/received"/></Response>');
    const report = await checkServer({ url }, { runs: 0, seed: 1, checks: ['verb-case'] });
    expect(report.findings.map((f) => f.message)).toEqual([
      'Action on <Receive> is not action: attribute names are case-sensitive, so Twilio ignores it: no action callback would ever come',
    ]);
  });

  it("quotes a bounded reference reply in a variant's finding when it has thousands of attributes", async () => {
    const attributes = Array.from({ length: 5000 }, (_, i) => `x${i}="v"`).join(' ');
    // The SIP reference request gets the 5 000 attributes; the variants get a plain <Receive/>.
    const url = await serve((body) => (/sip(%3A|:)/i.test(body) && !/%73%69%70/i.test(body) ? `<Response><Receive ${attributes}/></Response>` : '<Response><Receive/></Response>'));
    const report = await checkServer({ url }, { runs: 0, seed: 1, checks: ['form-encoding'] });
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      expect(finding.message.length).toBeLessThan(400);
      expect(finding.message).toContain('… and 4,994 more/>');
    }
  });
});
