/** Sign and verify request signatures exactly as Twilio and twilio-node do (`X-Twilio-Signature`), or by a profile's scheme. */
export { signRequest, signTwilioRequest, type SignatureInput } from './sign.js';
export { verifyRequest, verifyTwilioSignature, type SignatureCheck } from './verify.js';
export { twilioSignaturePayload, type SignatureParams } from './payload.js';
