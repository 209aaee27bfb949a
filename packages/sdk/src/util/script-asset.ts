/**
 * A script the SDK loads by URL (a worker, the capture worklet) checked before the browser runs
 * it: `new Worker()` and `audioWorklet.addModule()` report a 404 or an HTML fallback page only as
 * an opaque error event or "Unexpected token '<'", without the URL. One GET (usually answered
 * again from the HTTP cache when the browser loads the script itself) tells which file is missing
 * or wrong, and what was expected there.
 */
import { AssetError } from './errors.ts';

/** URLs that passed in this realm: checked once per page, not once per answer (one request each). */
const passed = new Set<string>();

/** Only http(s) URLs are checked: blob: and data: scripts are the host's own, made in the page. */
export async function checkScriptAsset(url: string, expected: string): Promise<void> {
  if (!/^https?:/i.test(url) || passed.has(url)) return;
  await checkOnce(url, expected);
  passed.add(url);
}

async function checkOnce(url: string, expected: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'GET', credentials: 'same-origin' });
  } catch (e) {
    throw new AssetError('asset-missing', url, `not reachable (${(e as Error).message}); expected ${expected}`, {
      cause: e,
    });
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new AssetError('asset-missing', url, `HTTP ${res.status}; expected ${expected}`);
  }
  // Read the body to the end: a cancelled download leaves no complete HTTP-cache entry, and the
  // worker or worklet load that follows would fetch the file again.
  await res.arrayBuffer().catch(() => undefined);
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (!/javascript|ecmascript/.test(type)) {
    throw new AssetError(
      'asset-invalid',
      url,
      `served as ${type === '' ? 'no Content-Type' : type}; ` +
        `expected ${expected} (a JavaScript module, text/javascript)`,
    );
  }
}
