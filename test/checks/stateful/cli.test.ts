import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import { bufferIo } from '../../support/buffer-io.js';
import { RECEIVE_XML, send } from '../../zoo/serve.js';
import { recordingServer } from './recording-server.js';


describe('twiml-fax-kit check --media-url', () => {
  it('is documented in --help', async () => {
    const { io, stdout } = bufferIo();
    await runCli(['check', '--help'], io);
    expect(stdout()).toContain('--media-url BASE');
  });

  it('refuses a value that is not an http(s) URL with one line', async () => {
    const { io, stderr } = bufferIo();
    expect(await runCli(['check', 'http://127.0.0.1:1/fax', '--media-url', 'ftp://files/fax'], io)).toBe(2);
    expect(stderr().trim().split('\n')[0]).toContain('--media-url');
  });

  it("puts BASE where Twilio's media host was in MediaUrl", async () => {
    const server = await recordingServer((req, res) => send(res, 200, req.url?.startsWith('/fax/received') ? '' : RECEIVE_XML));
    try {
      const { io } = bufferIo();
      const code = await runCli(['check', server.url(), '--runs', '0', '--seed', '1', '--checks', 'action-callback', '--media-url', 'https://media.example.com', '--reporter', 'json'], io);
      expect(code).toBe(0);
      const mediaUrls = server.requests.map((r) => r.params.get('MediaUrl')).filter((url) => url !== null);
      expect(mediaUrls).toEqual([expect.stringMatching(/^https:\/\/media\.example\.com\/fax\/AC0123456789abcdef0123456789abcdef\/[0-9a-f]{128}\?X-Amz-.*X-Amz-Expires=7200/)]);
    } finally {
      await server.close();
    }
  });
});
