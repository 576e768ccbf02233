import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECKS, selectChecks, selectRunChecks, withCustomChecks } from '../../src/checks/registry.js';
import { defineCheck } from '../../src/checks/check-api/define-check.js';
import { judged } from '../../src/checks/check-api/types.js';
import { NO_FALLBACK_URL } from '../../src/checks/fallback-reply.js';
import { NO_SECOND_DELIVERY } from '../../src/checks/idempotency.js';
import { VALIDATOR_CHECKS } from '../../src/model/validator-checks.js';

describe('the check registry', () => {
  it('holds every harness check and every validator check, once each, with kebab-case ids', () => {
    const harness = ['reachable', 'response-time', 'status-code', 'expect-verb', 'form-encoding', 'unknown-params', 'get-post', 'sip-addresses'];
    const stateful = ['signature-accepted', 'signature-enforced', 'cookies', 'caching', 'action-callback', 'fallback-reply', 'idempotency'];
    const statusCallback = ['status-callback-accepted', 'status-callback-failed-fax', 'status-callback-order'];
    expect([...CHECK_IDS].sort()).toEqual([...harness, ...stateful, ...statusCallback, ...VALIDATOR_CHECKS.map((c) => c.id)].sort());
    for (const id of CHECK_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('selects only the checks --checks names, in registry order', () => {
    const selection = selectChecks(CHECKS, { only: ['content-type', 'status-code'] });
    expect(selection.ok && selection.checks.map((c) => c.id)).toEqual(['status-code', 'content-type']);
  });

  it('leaves out the checks --skip-checks names', () => {
    const selection = selectChecks(CHECKS, { skip: ['form-encoding', 'sip-addresses'] });
    expect(selection.ok && selection.checks.map((c) => c.id)).toEqual(CHECK_IDS.filter((id) => id !== 'form-encoding' && id !== 'sip-addresses'));
  });

  it('refuses unknown ids with a message listing the valid ones', () => {
    const selection = selectChecks(CHECKS, { only: ['status-code', 'status-codes'] });
    expect(selection).toEqual({ ok: false, message: `unknown check 'status-codes'; valid checks: ${CHECK_IDS.join(', ')}` });
  });

  it('refuses a selection that leaves nothing to run', () => {
    expect(selectChecks(CHECKS, { only: ['reachable'], skip: ['reachable'] })).toMatchObject({ ok: false });
  });

  it('skips get-post unless the method is both, expect-verb unless a verb is expected, signatures without a token and caching for POST', () => {
    const reasons = (method: 'POST' | 'both', expect: 'any' | 'receive', hasAuthToken: boolean) =>
      Object.fromEntries(CHECKS.filter((c) => c.skipReason).map((c) => [c.id, c.skipReason?.({ method, expect, hasAuthToken, profile: TWILIO_PROFILE } as never)]));
    const needsToken = 'needs --auth-token or TWILIO_AUTH_TOKEN';
    expect(reasons('POST', 'any', false)).toEqual({
      'get-post': 'needs --method both',
      'expect-verb': 'no verb expected (--expect receive|reject)',
      'signature-accepted': needsToken,
      'signature-enforced': needsToken,
      caching: 'needs --method GET or both (Twilio caches only GET replies)',
      'fallback-reply': NO_FALLBACK_URL,
      idempotency: NO_SECOND_DELIVERY,
    });
    expect(reasons('both', 'receive', true)).toMatchObject({ 'get-post': undefined, 'expect-verb': undefined, 'signature-accepted': undefined, 'signature-enforced': undefined, caching: undefined });
  });

  it('runs the fallback checks only when the run plays a fallback URL', () => {
    const reasons = (config: object) => CHECKS.filter((c) => c.id === 'fallback-reply' || c.id === 'idempotency').map((c) => c.skipReason?.({ method: 'POST', ...config } as never));
    expect(reasons({ fallbackUrl: 'http://127.0.0.1:9/fallback' })).toEqual([undefined, undefined]);
    expect(reasons({ endpoint: 'fallback' })).toEqual([NO_FALLBACK_URL, undefined]);
  });

  it('puts custom checks after the built-in ones, once each, and lets --checks name them', () => {
    const mine = defineCheck({ id: 'mine-2', title: 'mine', run: () => judged() });
    const all = withCustomChecks([mine, mine]);
    expect(all.ok && all.checks.map((c) => c.id)).toEqual([...CHECK_IDS, 'mine-2']);
    const selection = selectRunChecks({ custom: [mine], only: ['mine-2', 'reachable'] });
    expect(selection.ok && selection.checks.map((c) => c.id)).toEqual(['reachable', 'mine-2']);
    expect(selectRunChecks({ only: ['mine-2'] })).toEqual({ ok: false, message: `unknown check 'mine-2'; valid checks: ${CHECK_IDS.join(', ')}` });
  });

  it('refuses a custom check with a built-in id, two with one id, or a value that is no check', () => {
    expect(withCustomChecks([defineCheck({ id: 'reachable', title: 't', run: () => judged() })])).toEqual({
      ok: false,
      message: "custom check 'reachable' has the id of a built-in check; give it an id of its own",
    });
    expect(withCustomChecks([defineCheck({ id: 'a', title: 't', run: () => judged() }), defineCheck({ id: 'a', title: 'u', run: () => judged() })])).toMatchObject({ ok: false });
    expect(withCustomChecks([{ id: 'no-run', title: 't' }])).toEqual({ ok: false, message: "customChecks[0]: check 'no-run' needs a run(context) function" });
  });

  it('runs a hand-written custom check without a scope on every case, as defineCheck does', () => {
    const all = withCustomChecks([{ id: 'bare', title: 't', run: () => judged() }]);
    expect(all.ok && all.checks.at(-1)?.scope).toBe('case');
    expect(defineCheck({ id: 'bare', title: 't', run: () => judged() }).scope).toBe('case');
  });
});
