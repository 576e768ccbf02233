import { describe, expect, it } from 'vitest';
import { exchangeOutcome } from '../../src/checks/verdicts/exchange-outcome.js';
import { summarizeReply } from '../../src/checks/verdicts/reply-summary.js';
import { TWILIO_PROFILE } from '../../src/protocol/profile.js';
import { transportFailure as unstamped, withError } from '../../src/sender/failures.js';
import type { Exchange, TransportFailure, TransportFailureKind } from '../../src/model/exchange.js';

const transportFailure = (kind: TransportFailureKind, message: string): TransportFailure => withError(unstamped(kind, message), TWILIO_PROFILE.errors);
const exchangeOutcomeOf = (exchange: Exchange) => exchangeOutcome(exchange, TWILIO_PROFILE);

function replied(status: number, body = '<Response><Receive/></Response>'): Exchange {
  const response = { status, headers: { 'content-type': 'text/xml' }, setCookies: [], body: new TextEncoder().encode(body), truncated: false };
  return { hops: [{ request: { method: 'POST', url: 'http://fax.test/fax', headers: {} }, response, durationMs: 1 }], response, durationMs: 1, finalUrl: 'http://fax.test/fax' };
}

function failed(failure: TransportFailure): Exchange {
  return { hops: [], failure, durationMs: 1, finalUrl: 'http://fax.test/fax' };
}

describe('exchangeOutcome', () => {
  it('calls a 2xx reply ok', () => {
    expect(exchangeOutcomeOf(replied(204))).toEqual({ kind: 'ok', ok: true, status: 204, description: 'HTTP 204' });
  });

  it.each([400, 401, 403, 404, 405, 429, 500, 503, 304, 102])('reports 11200 for a final HTTP %i, whatever it is', (status) => {
    expect(exchangeOutcomeOf(replied(status))).toEqual({ kind: 'failed', ok: false, twilioError: 11200, description: `HTTP ${status}`, status });
  });

  it("keeps a transport failure's own code", () => {
    expect(exchangeOutcomeOf(failed(transportFailure('invalid-redirect', 'status 308')))).toMatchObject({ kind: 'failed', twilioError: 11216, failure: 'invalid-redirect' });
    expect(exchangeOutcomeOf(failed(transportFailure('timeout', 'no complete reply')))).toMatchObject({ twilioError: 11205, failure: 'timeout' });
  });

  it('says a stopped run proved nothing', () => {
    expect(exchangeOutcomeOf(failed(transportFailure('aborted', 'the run was stopped')))).toMatchObject({ kind: 'aborted', ok: false });
  });

  it('is the answer reply summaries give too', () => {
    for (const exchange of [replied(200), replied(304), replied(503), failed(transportFailure('refused', 'refused'))]) {
      const outcome = exchangeOutcomeOf(exchange);
      const summary = summarizeReply(exchange, TWILIO_PROFILE);
      expect(summary.outcome === 'answered').toBe(outcome.ok);
      if (summary.outcome === 'failed' && outcome.kind === 'failed') expect(summary.twilioError).toBe(outcome.twilioError);
    }
  });
});
