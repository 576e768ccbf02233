import type fc from 'fast-check';
import { TWILIO_FAX_TWIML, type TwimlSchema } from '../src/protocol/twiml-schema.js';
import type { ValidatorCheckId } from '../src/model/validator-checks.js';
import { attributeValuesMutation } from './_internals/mutations/attribute-values.js';
import { bodySizeMutation } from './_internals/mutations/body-size.js';
import { contentTypeMutation } from './_internals/mutations/content-type.js';
import { faxActionMutation } from './_internals/mutations/fax-action.js';
import { knownAttributesMutation } from './_internals/mutations/known-attributes.js';
import { knownVerbsMutation } from './_internals/mutations/known-verbs.js';
import type { ReplyMutation } from './_internals/mutations/mutation.js';
import { twimlRootMutation } from './_internals/mutations/twiml-root.js';
import { verbCaseMutation } from './_internals/mutations/verb-case.js';
import { xmlWellFormedMutation } from './_internals/mutations/xml-well-formed.js';

export type { ReplyMutation } from './_internals/mutations/mutation.js';

/**
 * For each validator check, valid replies broken in exactly the way that check catches, drawn from the given
 * TwiML schema: the realistic defects of fax handlers (text/plain replies, `&` unescaped, whitespace before the
 * declaration, `<receive>`, `pageSize="A4"`, an empty `<Response/>`...).
 */
export function replyMutationsFor(schema: TwimlSchema): Record<ValidatorCheckId, fc.Arbitrary<ReplyMutation>> {
  return {
    'content-type': contentTypeMutation(schema),
    'body-size': bodySizeMutation(schema),
    'xml-well-formed': xmlWellFormedMutation(schema),
    'twiml-root': twimlRootMutation(schema),
    'verb-case': verbCaseMutation(schema),
    'known-verbs': knownVerbsMutation(schema),
    'known-attributes': knownAttributesMutation(schema),
    'attribute-values': attributeValuesMutation(schema),
    'fax-action': faxActionMutation(schema),
  };
}

/**
 * Mutations of valid Twilio fax replies, one arbitrary per validator check id.
 *
 * @example fc.assert(fc.property(replyMutations['verb-case'], ({ xml }) => !validateFaxTwiml(xml, {...}).ok))
 */
export const replyMutations: Record<ValidatorCheckId, fc.Arbitrary<ReplyMutation>> = replyMutationsFor(TWILIO_FAX_TWIML);
