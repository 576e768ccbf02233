import type { Diagnostic } from '../model/diagnostic.js';

/**
 * What Twilio does other than what the reply asked, because of one finding: what it skips, the default it uses
 * instead, or the request it cannot make. Data, so the verdict line is built from it rather than from messages.
 */
export type Effect =
  /** Twilio skips an attribute, an element or text; `uses`: the default it applies in its place. */
  | {
      readonly kind: 'ignores';
      /** What is skipped as the reply wrote it: `Action`, `<Say>`, `the text "OK"`. */
      readonly what: string;
      readonly uses?: { readonly attribute: string; readonly value: string };
      /** What follows for the fax, when it is not plain from the rest. */
      readonly consequence?: string;
    }
  /** Twilio replaces a value outside its enumeration with the attribute's default. */
  | { readonly kind: 'replaces'; readonly attribute: string; readonly written: string; readonly uses: string }
  /** Twilio receives the fax but cannot make a request the reply asks for. */
  | { readonly kind: 'cannot-request'; readonly attribute: string; readonly url: string; readonly consequence: string };

/** An effect and the diagnostic that causes it (the same object as in `diagnostics`). */
export type ReplyEffect = Effect & { readonly cause: Diagnostic };

/**
 * What happens when a URL attribute (`action`) is lost, ignored or cannot be requested: said once, the same
 * wherever it is lost, in the diagnostic's message and in the verdict line alike.
 */
export function noCallbackWouldCome(attribute: string): string {
  return `no ${attribute} callback would ever come`;
}

/** The consequence of an effect, when it has one of its own: what the finding's message and the verdict both state. */
export function consequenceOf(effect: Effect | undefined): string | undefined {
  return effect?.kind === 'ignores' || effect?.kind === 'cannot-request' ? effect.consequence : undefined;
}
