/**
 * Pact's core announces itself and tries to send anonymous usage events when it loads. CI machines often have no
 * network, and a conformance kit should not phone home on its users' behalf: opt out unless the user chose.
 * Every module of the kit that loads Pact calls this first and loads Pact lazily (`await import(...)`).
 */
export function disablePactTracking(env: Record<string, string | undefined> = process.env): void {
  env.PACT_DO_NOT_TRACK ??= 'true';
}
