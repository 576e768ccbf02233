import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/runner/redact.js';

describe('redactSecrets', () => {
  it('removes a real auth token wherever a server echoed it, deeply', () => {
    const token = '0123456789abcdef0123456789abcdef';
    const report = { findings: [{ message: `echo ${token}`, response: { bodyStart: `<x>${token}</x>` } }] };
    expect(redactSecrets(report, [token])).toEqual({ findings: [{ message: 'echo <redacted>', response: { bodyStart: '<x><redacted></x>' } }] });
  });

  it('leaves the report readable when the token is a short test value such as T', () => {
    const report = { message: 'HTTP 403 from Twilio-like sender' };
    expect(redactSecrets(report, ['T'])).toEqual(report);
  });
});
