/**
 * The pages' Trusted Types `default` policy. Under `require-trusted-types-for 'script'` the
 * browser passes every plain script URL — the SDK's `new Worker(url)` for its audio and vision
 * workers — through this policy, which accepts the page's own origin only. Imported first by
 * each page entry, before any worker is created. Where Trusted Types do not exist it does nothing.
 */
interface TrustedTypesFactory {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): unknown;
}

const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;

/** Same-origin script URLs pass unchanged; anything else is refused with a TypeError. */
export function sameOriginScriptUrl(url: string): string {
  const u = new URL(url, location.href);
  if (u.origin !== location.origin) {
    throw new TypeError(`script URL from ${u.origin} refused: only ${location.origin} may provide scripts`);
  }
  return url;
}

if (factory !== undefined && factory.defaultPolicy === null) {
  factory.createPolicy('default', { createScriptURL: sameOriginScriptUrl });
}
