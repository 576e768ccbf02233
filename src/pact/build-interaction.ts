import type { MatchersV3 as Matchers, PactV3, V3Request, V3Response, XmlBuilder as XmlBuilderClass } from '@pact-foundation/pact';
import { RECEIVE_VERB, TWILIO_SENDER } from '../protocol/index.js';
import type { FaxInteraction, FaxReplyExpectation } from './interactions.js';
import { receiveAttributePatterns, TWIML_CONTENT_TYPE_PATTERN } from './patterns.js';

/** The parts of `@pact-foundation/pact` the contract is written with. */
export interface PactDsl {
  readonly MatchersV3: typeof Matchers;
  readonly XmlBuilder: typeof XmlBuilderClass;
  readonly HTTPResponseStatusClass: typeof import('@pact-foundation/pact').HTTPResponseStatusClass;
}

/** Adds one fax interaction to a Pact V3 consumer pact, matchers included. */
export function addFaxInteraction(pact: PactV3, interaction: FaxInteraction, dsl: PactDsl): void {
  const withState = interaction.state === undefined ? pact : pact.given(interaction.state);
  withState
    .uponReceiving(interaction.description)
    .withRequest(toPactRequest(interaction, dsl))
    .willRespondWith(toPactResponse(interaction.reply, dsl));
}

function paramTemplates(interaction: FaxInteraction, dsl: PactDsl): Record<string, string | Matchers.Matcher<string>> {
  const template: Record<string, string | Matchers.Matcher<string>> = {};
  for (const [name, value] of interaction.params) {
    const pattern = interaction.patterns[name];
    template[name] = pattern === undefined ? value : dsl.MatchersV3.regex(pattern, value);
  }
  return template;
}

function toPactRequest(interaction: FaxInteraction, dsl: PactDsl): V3Request {
  if (interaction.method === 'GET') {
    return { method: 'GET', path: interaction.path, query: paramTemplates(interaction, dsl) };
  }
  // A form body given as an object of matchers is stored by Pact's core as a form string with matching rules on
  // `$.Name`; a string body is stored verbatim, which generated examples with tricky encodings need.
  const body = interaction.matchParams
    ? paramTemplates(interaction, dsl)
    : new URLSearchParams(interaction.params.map(([name, value]) => [name, value])).toString();
  return {
    method: 'POST',
    path: interaction.path,
    headers: { 'Content-Type': TWILIO_SENDER.formContentType },
    body,
  };
}

function toPactResponse(reply: FaxReplyExpectation, dsl: PactDsl): V3Response {
  // Twilio takes any 2xx (a webhook's 201 with TwiML, a callback's 204), as `check` does. A status matcher is a V4
  // rule inside this V3 pact: Pact's Rust verifier honours it (docs/pact.md, "V3, not V4").
  const status = dsl.MatchersV3.matchStatus(200, dsl.HTTPResponseStatusClass.Success) as unknown as number;
  if (reply.kind === 'success') return { status };
  return {
    status,
    headers: { 'Content-Type': dsl.MatchersV3.regex(TWIML_CONTENT_TYPE_PATTERN, 'text/xml') },
    body: twimlBody(reply, dsl),
  };
}

function twimlBody(reply: Exclude<FaxReplyExpectation, { kind: 'success' }>, dsl: PactDsl): string {
  return new dsl.XmlBuilder('1.0', 'UTF-8', 'Response').build((response) => {
    if (reply.kind === 'reject') {
      response.appendElement('Reject', new Map());
      return;
    }
    // Pact requires every attribute of the example (and ignores any other), so the example carries only what the
    // contract requires: `action` when the provider asks for callbacks, and the attributes the user named. The values
    // of attributes it does not name are judged by the kit's own verdict of the reply instead.
    const attributes: Record<string, Matchers.Matcher<string>> = {};
    const verb = reply.verb ?? RECEIVE_VERB;
    for (const [name, pattern] of receiveAttributePatterns(verb)) {
      if (name === 'action' && reply.action !== undefined) attributes[name] = dsl.MatchersV3.regex(pattern, reply.action);
      if (name !== 'action' && reply.attributes.includes(name)) {
        attributes[name] = dsl.MatchersV3.regex(pattern, verb.attributes.find((a) => a.name === name)?.default ?? '');
      }
    }
    // XmlElement's type says Map, but Pact serialises attributes with JSON.stringify: only a plain object survives.
    response.appendElement('Receive', attributes as unknown as Map<string, string>);
  });
}
