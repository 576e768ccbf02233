// @signalwire/compatibility-api ships its types outside its package.json "exports", which TypeScript's node16
// resolution then cannot see: this declares the one function the tests use, as its compatibility-api.d.ts does.
declare module '@signalwire/compatibility-api' {
  export const RestClient: {
    validateRequest(authToken: string, signature: string, url: string, params: Record<string, string>): boolean;
  };
}
