/** Sign and verify `X-Twilio-Signature` exactly as Twilio and twilio-node do. */
export { signTwilioRequest, type SignatureInput } from './sign.js';
export { verifyTwilioSignature, type SignatureCheck } from './verify.js';
export { twilioSignaturePayload, type SignatureParams } from './payload.js';
