import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { RECEIVE_VERB, REJECT_VERB, TWILIO_ERRORS, TWILIO_PROFILE, ASSUMPTIONS } from '../src/protocol/index.js';

describe('the protocol data', () => {
  it('gives every Receive enumeration exactly the values twilio-node FaxResponse emits', () => {
    // twilio-node serialises whatever it is given, so the oracle is its output for each documented value.
    for (const attribute of RECEIVE_VERB.attributes.filter((a) => a.kind === 'enum')) {
      for (const value of attribute.values ?? []) {
        const response = new twilio.twiml.FaxResponse();
        response.receive({ [attribute.name]: value } as never);
        expect(response.toString()).toContain(`<Receive ${attribute.name}="${value}"/>`);
      }
    }
    expect(RECEIVE_VERB.attributes.map((a) => a.name)).toEqual(['action', 'method', 'mediaType', 'pageSize', 'storeMedia']);
  });

  it('gives Reject no attributes, since no helper library emits any', () => {
    expect(REJECT_VERB.attributes).toEqual([]);
    expect('reject' in new twilio.twiml.FaxResponse()).toBe(false);
  });

  it('titles every error code it can report', () => {
    for (const [code, title] of Object.entries(TWILIO_ERRORS)) {
      expect(Number(code)).toBeGreaterThanOrEqual(11200);
      expect(title.length).toBeGreaterThan(5);
    }
  });

  it('keeps assumption ids unique and kebab-case', () => {
    const ids = ASSUMPTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('follows only the redirects Twilio follows', () => {
    expect(TWILIO_PROFILE.sender.followedRedirects).toEqual([301, 302, 303, 307]);
    expect(TWILIO_PROFILE.sender.maxBodyBytes).toBe(TWILIO_PROFILE.twiml.maxBodyBytes);
  });
});
