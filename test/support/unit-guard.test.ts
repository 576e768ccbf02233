import { execFileSync } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { takeViolations } from './unit-guard.js';

// This file is in the unit project, so the guard is set up for it: it proves a misplaced test cannot pass quietly.
describe('the unit project', () => {
  it('refuses a listening socket, a connection and a process, and says where the test belongs', () => {
    expect(() => createServer().listen(0, '127.0.0.1')).toThrow('a unit test opens a listening socket (listen); move this file to the integration or e2e project in vitest.config.ts');
    expect(() => connect(1, '127.0.0.1')).toThrow('a unit test opens a connection (connect)');
    expect(() => execFileSync('true')).toThrow('a unit test starts a process (execFileSync)');
    // Recorded too, for code that catches the error (the sender would turn it into a finding).
    expect(takeViolations()).toHaveLength(3);
  });

  it('records a refusal that the code under test swallowed, so the test still fails', async () => {
    const fetched = await fetch('http://127.0.0.1:8080/').then(() => 'answered', () => 'failed');
    expect(fetched).toBe('failed');
    expect(takeViolations()).toEqual(['a unit test opens a connection (connect); move this file to the integration or e2e project in vitest.config.ts']);
  });
});
