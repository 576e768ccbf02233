/** twiml-fax-kit/msw: Twilio's side of a fax app's own HTTP calls, as msw handlers, and the media they serve. */
export { twilioFaxHandlers, type TwilioFaxHandlersOptions } from './handlers.js';
export {
  buildFaxResource,
  faxMediaUrl,
  mediaSidFor,
  DEFAULT_ACCOUNT_SID,
  DEFAULT_FAX_SID,
  type FakeFax,
  type FaxResource,
} from './fax-resource.js';
export type { FaxMediaType } from './fax-registry.js';
export { minimalPdf, PDF_PAGE_SIZES, type MinimalPdfOptions } from '../media/minimal-pdf.js';
export { minimalTiff, type MinimalTiffOptions } from '../media/minimal-tiff.js';
export { fetchHandlerOf } from './fetch-handler.js';
export { TWILIO_REST_ERRORS, type BasicCredentials, type TwilioRestErrorBody } from './twilio-rest-errors.js';
