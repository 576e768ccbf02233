// A user's handler that downloads the received fax, tested offline with twiml-fax-kit/msw.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_ACCOUNT_SID, DEFAULT_FAX_SID, faxMediaUrl, twilioFaxHandlers } from 'twiml-fax-kit/msw';

/** The app's code under test: saves the fax the <Receive action> callback points to. */
async function saveReceivedFax(params, dir) {
  const response = await fetch(params.MediaUrl);
  if (!response.ok) throw new Error(`media download failed: ${response.status}`);
  const path = join(dir, `${params.FaxSid}.pdf`);
  await writeFile(path, Buffer.from(await response.arrayBuffer()));
  return { path, contentType: response.headers.get('content-type') };
}

const server = setupServer(...twilioFaxHandlers());
// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame (a variable: each one's types know only its own name).
const strict = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' };
beforeAll(() => server.listen(strict));
afterAll(() => server.close());

test('saves the PDF of a received fax', async () => {
  const MediaUrl = faxMediaUrl({ sid: DEFAULT_FAX_SID, account_sid: DEFAULT_ACCOUNT_SID });
  const saved = await saveReceivedFax({ FaxSid: DEFAULT_FAX_SID, MediaUrl, FaxStatus: 'received' }, await mkdtemp(join(tmpdir(), 'fax-')));
  expect(saved.contentType).toBe('application/pdf');
  expect((await readFile(saved.path)).subarray(0, 5).toString()).toBe('%PDF-');
});
