import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaxPactWriteError, writeFaxPact } from '../../src/pact/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fax-pact-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFaxPact', () => {
  it('replaces an existing contract and leaves nothing else in the directory', async () => {
    await writeFile(join(dir, 'twilio-fax-fax-app.json'), '{"interactions":[{"description":"stale"}]}');
    const written = await writeFaxPact({ provider: 'fax-app', outDir: dir });

    const pact = JSON.parse(await readFile(written.file, 'utf8')) as { interactions: Array<{ description: string }> };
    expect(pact.interactions.map((i) => i.description)).not.toContain('stale');
    // Only what Twilio requires of an app that receives: an incoming fax by POST.
    expect(pact.interactions.map((i) => i.description)).toEqual(['an incoming fax by POST']);
    expect(await readdir(dir)).toEqual(['twilio-fax-fax-app.json']);
  });

  it('leaves the previous contract as it was when the new one cannot be written', async () => {
    const previous = '{"interactions":[{"description":"previous"}]}';
    await writeFile(join(dir, 'twilio-fax-fax-app.json'), previous);
    // A path with a query never matches on Pact's mock server: the action callbacks fail after the webhook's interaction was written.
    await expect(writeFaxPact({ provider: 'fax-app', outDir: dir, callbackPath: '/fax/received?tenant=1' })).rejects.toThrow(/answered 500 to 'the action callback/);

    expect(await readFile(join(dir, 'twilio-fax-fax-app.json'), 'utf8')).toBe(previous);
    expect(await readdir(dir)).toEqual(['twilio-fax-fax-app.json']);
  });

  it('throws FaxPactWriteError naming the directory when it cannot be created', async () => {
    await writeFile(join(dir, 'file'), '');
    const writing = writeFaxPact({ provider: 'fax-app', outDir: join(dir, 'file', 'pacts') });
    await expect(writing).rejects.toBeInstanceOf(FaxPactWriteError);
    await expect(writing).rejects.toThrow(`cannot write the contract to ${join(dir, 'file', 'pacts')}: a path component is a file, not a directory`);
  });
});
