/**
 * The asset manifest (`hirenet-manifest/1`, manifest.json beside the model): size and sha256 of
 * every file the session loads, grouped by where the host serves it. The sha256 of the manifest's
 * own bytes is the model's identity (logged as `modelSha256`); a host that pins it
 * (`HireNet.create({ manifestSha256 })`) pins every byte listed. docs/session-api.md, "Asset manifest".
 */
import { parseVocabManifest, VOCAB_MANIFEST_FILE, vocabFiles } from '../text/vocabulary-format.ts';
import { AssetError } from '../util/errors.ts';

export const MANIFEST_FORMAT = 'hirenet-manifest/1';
export const MANIFEST_FILE = 'manifest.json';

/**
 * Each group's names are relative to the URL the host configures for it: `model` to the model
 * directory (fusion.json's, or model.json's for a single model), `vocab` to `vocabUrl`, `tfjs` to
 * `wasmPaths`; `mediapipe` names MediaPipe's binary (.wasm) whatever URL serves it. The `vocab` group
 * lists vocab.json and words.txt: vocab.json lists the 313 vector blocks with their own sha256, so
 * once vocab.json passed, the blocks are checked against it (a second list here cost 12 KiB gzip per page).
 */
export const ASSET_GROUPS = ['model', 'vocab', 'tfjs', 'mediapipe'] as const;
export type AssetGroup = (typeof ASSET_GROUPS)[number];

export interface AssetEntry {
  readonly bytes: number;
  readonly sha256: string;
}

export interface AssetManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly assets: Readonly<Record<AssetGroup, Readonly<Record<string, AssetEntry>>>>;
}

export const MEDIAPIPE_BINARY = 'vision_wasm_module_internal.wasm';

const SHA256 = /^[0-9a-f]{64}$/;

/** Web Crypto (browsers, Node >= 20); no import of the model code, so build tools can load this file cheaply. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The one serialisation the build writes (sorted names, two-space indent, final newline), so its sha256 is
 * reproducible.
 */
export function serializeManifest(m: AssetManifest): string {
  const assets: Record<string, Record<string, AssetEntry>> = {};
  for (const g of ASSET_GROUPS) {
    const group = m.assets[g];
    assets[g] = Object.fromEntries(
      Object.keys(group)
        .sort()
        .map((k) => [k, { bytes: group[k]!.bytes, sha256: group[k]!.sha256 }]),
    );
  }
  return `${JSON.stringify({ format: MANIFEST_FORMAT, assets }, null, 2)}\n`;
}

/** Checks the shape of manifest bytes fetched from `url`; every failure is an AssetError naming it. */
export function parseManifest(bytes: Uint8Array, url: string): AssetManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new AssetError('asset-invalid', url, `not valid JSON (${bytes.byteLength} bytes): ${(e as Error).message}`, {
      cause: e,
    });
  }
  const m = raw as { format?: unknown; assets?: Record<string, unknown> } | null;
  if (
    m === null ||
    typeof m !== 'object' ||
    m.format !== MANIFEST_FORMAT ||
    typeof m.assets !== 'object' ||
    m.assets === null
  ) {
    throw new AssetError('asset-invalid', url, `not a ${MANIFEST_FORMAT} file`);
  }
  for (const g of ASSET_GROUPS) {
    const group = m.assets[g];
    if (group === null || typeof group !== 'object')
      throw new AssetError('asset-invalid', url, `lacks the "${g}" group`);
    for (const [name, e] of Object.entries(group as Record<string, Partial<AssetEntry>>)) {
      const ok =
        typeof e?.sha256 === 'string' && SHA256.test(e.sha256) && Number.isInteger(e.bytes) && (e.bytes as number) >= 0;
      if (!ok) throw new AssetError('asset-invalid', url, `entry ${g}/${name} needs bytes and a 64-hex sha256`);
    }
  }
  return raw as AssetManifest;
}

/**
 * A fetch that fails only with AssetError: network failure or HTTP error → asset-missing, an HTML page → asset-invalid.
 */
export async function fetchAsset(url: string, fetcher: typeof fetch = globalThis.fetch): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new AssetError('asset-missing', url, `fetch failed: ${(e as Error).message}`, { cause: e });
  }
  if (!res.ok) throw new AssetError('asset-missing', url, `HTTP ${res.status}`);
  // No SDK asset is HTML: such an answer is a server's error page or a single-page-app fallback.
  const type = res.headers.get('content-type') ?? '';
  if (/^text\/html\b/i.test(type))
    throw new AssetError('asset-invalid', url, `answered ${type} (an error page or an app fallback?), not the file`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * The manifest a session loaded, and the checks of every later byte against it. `baseUrls` maps a
 * group to the URL its names are relative to (mediapipe has none: its two files are checked by role).
 */
export class ManifestVerifier {
  /** `group/name` → the entry a verified file records for it (vocab.json's blocks), and that file's URL. */
  private readonly vouched = new Map<string, { entry: AssetEntry; by: string }>();

  constructor(
    readonly manifest: AssetManifest,
    readonly url: string,
    /** sha256 of the manifest file as fetched: the model identity. */
    readonly sha256: string,
  ) {}

  /**
   * Refuses `bytes` from `url` unless they are exactly the manifest's `group/name` entry, or the entry
   * a file the manifest vouched for records (a vector block listed in the verified vocab.json).
   */
  async verify(group: AssetGroup, name: string, url: string, bytes: Uint8Array): Promise<void> {
    const listed = this.manifest.assets[group][name];
    const vouched = listed === undefined ? this.vouched.get(`${group}/${name}`) : undefined;
    const entry = listed ?? vouched?.entry;
    if (entry === undefined)
      throw new AssetError('asset-integrity', url, `${group}/${name} is not listed in ${this.url}`);
    const by = vouched === undefined ? 'the manifest' : vouched.by;
    if (bytes.byteLength !== entry.bytes) {
      throw new AssetError('asset-integrity', url, `${bytes.byteLength} bytes, ${by} records ${entry.bytes}`);
    }
    const actual = await sha256Hex(bytes);
    if (actual !== entry.sha256)
      throw new AssetError('asset-integrity', url, `sha256 ${actual}, ${by} records ${entry.sha256}`);
    if (group === 'vocab' && name === VOCAB_MANIFEST_FILE) this.vouchVocab(bytes, url);
  }

  /** The verified vocab.json vouches for the files it lists; one it cannot parse, for none (the loader says why). */
  private vouchVocab(bytes: Uint8Array, url: string): void {
    let files: ReturnType<typeof vocabFiles>;
    try {
      files = vocabFiles(parseVocabManifest(JSON.parse(new TextDecoder().decode(bytes))));
    } catch {
      return;
    }
    for (const f of files)
      this.vouched.set(`vocab/${f.path}`, { entry: { bytes: f.bytes, sha256: f.sha256 }, by: url });
  }

  /** Fetches `group/name` from `url` and verifies it. */
  async fetchVerified(group: AssetGroup, name: string, url: string): Promise<Uint8Array> {
    const bytes = await fetchAsset(url);
    await this.verify(group, name, url, bytes);
    return bytes;
  }

  /**
   * A fetch for loaders that take one (loadModel, loadVocabulary): every URL under `base` is
   * verified as `group/<path relative to base>` before the loader sees a byte; others are refused.
   */
  fetcherFor(group: AssetGroup, base: string): typeof fetch {
    return (async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(base))
        throw new AssetError('asset-integrity', url, `outside ${base}, where the manifest's ${group} files live`);
      const bytes = await this.fetchVerified(
        group,
        decodeURIComponent(url.slice(base.length).split(/[?#]/)[0] ?? ''),
        url,
      );
      return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200 });
    }) as typeof fetch;
  }
}

/** The manifest's default place: beside fusion.json, or beside a single model.json. */
export function defaultManifestUrl(modelUrl: string): string {
  // String work, not URL: resolveOptions may run without a page to resolve against.
  const path = modelUrl.split(/[?#]/)[0] ?? '';
  if (path.endsWith('.json')) return `${path.slice(0, path.lastIndexOf('/') + 1)}${MANIFEST_FILE}`;
  return `${path.endsWith('/') ? path : `${path}/`}${MANIFEST_FILE}`;
}

/** Fetches and parses the manifest; with a pin, its sha256 must equal the pin before anything else is read. */
export async function loadManifest(url: string, pin: string | null): Promise<ManifestVerifier> {
  const bytes = await fetchAsset(url);
  const sha256 = await sha256Hex(bytes);
  if (pin !== null && sha256 !== pin)
    throw new AssetError('asset-integrity', url, `sha256 ${sha256}, the host pinned manifestSha256 ${pin}`);
  return new ManifestVerifier(parseManifest(bytes, url), url, sha256);
}
