/**
 * tasks-vision 1.1.0 contains a usage logger that POSTs to odml.pa.googleapis.com (task name,
 * running mode, latencies) every 60 s and on close(); there is no option to turn it off. An
 * interview tool must send nothing anywhere, so the vision worker routes that host's requests
 * to a local failure, which also makes the logger give up for good ("net-send-failed").
 */
export const TELEMETRY_HOSTS: readonly string[] = ['odml.pa.googleapis.com'];

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** True when the URL's host is one the vision worker refuses to contact. */
export function isTelemetryUrl(url: string): boolean {
  try {
    return TELEMETRY_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Wraps `scope.fetch` once so telemetry requests never leave the machine. */
export function blockTelemetry(scope: { fetch: typeof fetch }): void {
  const original = scope.fetch;
  if ((original as { hirenetGuard?: true }).hirenetGuard) return;
  const guarded = ((input: RequestInfo | URL, init?: RequestInit) =>
    isTelemetryUrl(urlOf(input))
      ? Promise.resolve(new Response(null, { status: 403, statusText: 'blocked by HireNet (no telemetry)' }))
      : original.call(scope, input, init)) as typeof fetch & { hirenetGuard?: true };
  guarded.hirenetGuard = true;
  scope.fetch = guarded;
}
