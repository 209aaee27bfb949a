import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../packages/sdk/src/model/io.ts';
import {
  defaultManifestUrl,
  loadManifest,
  MANIFEST_FORMAT,
  parseManifest,
  serializeManifest,
} from '../../packages/sdk/src/session/manifest.ts';
import { manifestText } from '../../packages/cli/src/manifest-node.ts';
import { AssetError } from '../../packages/sdk/src/util/errors.ts';

const root = join(import.meta.dirname, '..', '..');
const committed = join(root, 'models/hirenet-demo/manifest.json');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AssetError> {
  const err = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AssetError);
  return err as AssetError;
}

describe('asset manifest', () => {
  it(
    'the committed manifest of models/hirenet-demo matches the files on disk (else run ' + 'scripts/build-manifest.ts)',
    () => {
      const fresh = manifestText({ modelDir: join(root, 'models/hirenet-demo'), vocabDir: join(root, 'models/vocab') });
      expect(
        readFileSync(committed, 'utf8'),
        'models/hirenet-demo/manifest.json is stale: node --conditions=source --import tsx scripts/build-manifest.ts',
      ).toBe(fresh);
    },
  );

  it('lists every file the session loads and none it does not', () => {
    const m = parseManifest(readFileSync(committed), committed);
    expect(Object.keys(m.assets.model).sort()).toEqual([
      'audio/group1-shard1of1.bin',
      'audio/model.json',
      'fusion.json',
      'video/group1-shard1of1.bin',
      'video/model.json',
    ]);
    // vocab.json and words.txt only: vocab.json lists the vector blocks with their sha256 (vouched below).
    expect(Object.keys(m.assets.vocab).sort()).toEqual(['vocab.json', 'words.txt']);
    expect(Object.keys(m.assets.tfjs)).toHaveLength(3);
    expect(Object.keys(m.assets.mediapipe)).toEqual(['vision_wasm_module_internal.wasm']);
    const shard = readFileSync(join(root, 'models/hirenet-demo/audio/group1-shard1of1.bin'));
    expect(m.assets.model['audio/group1-shard1of1.bin']?.bytes).toBe(shard.byteLength);
  });

  it('serialises canonically: parse → serialise gives the same bytes', () => {
    const text = readFileSync(committed, 'utf8');
    expect(serializeManifest(parseManifest(enc(text), 'x'))).toBe(text);
  });

  it('refuses truncated, foreign and malformed manifests with asset-invalid', async () => {
    const text = readFileSync(committed, 'utf8');
    expect((await refusal(() => parseManifest(enc(text.slice(0, 200)), 'm.json'))).code).toBe('asset-invalid');
    expect((await refusal(() => parseManifest(enc('{"format":"other"}'), 'm.json'))).code).toBe('asset-invalid');
    const bad = JSON.stringify({
      format: MANIFEST_FORMAT,
      assets: { model: { 'a.bin': { bytes: 1, sha256: 'xyz' } }, vocab: {}, tfjs: {}, mediapipe: {} },
    });
    const err = await refusal(() => parseManifest(enc(bad), 'http://h/m.json'));
    expect(err.code).toBe('asset-invalid');
    expect(err.url).toBe('http://h/m.json');
    expect(err.message).toMatch(/model\/a\.bin/);
  });

  it('checks bytes and sizes, and refuses a file the manifest does not list', async () => {
    const body = enc('{"x":1}');
    const sha256 = await sha256Hex(body);
    const text = serializeManifest({
      format: MANIFEST_FORMAT,
      assets: { model: { 'model.json': { bytes: body.byteLength, sha256 } }, vocab: {}, tfjs: {}, mediapipe: {} },
    });
    const files: Record<string, Uint8Array> = {
      'http://h/m/manifest.json': enc(text),
      'http://h/m/model.json': body,
      'http://h/m/other.json': body,
    };
    const saved = globalThis.fetch;
    globalThis.fetch = (async (u: RequestInfo | URL) => {
      const got = files[String(u)];
      return got === undefined ? new Response('', { status: 404 }) : new Response(got as Uint8Array<ArrayBuffer>);
    }) as typeof fetch;
    try {
      const v = await loadManifest('http://h/m/manifest.json', null);
      expect(v.sha256).toBe(await sha256Hex(enc(text)));
      await expect(v.fetchVerified('model', 'model.json', 'http://h/m/model.json')).resolves.toEqual(body);
      const fetcher = v.fetcherFor('model', 'http://h/m/');
      expect(await (await fetcher('http://h/m/model.json')).json()).toEqual({ x: 1 });
      expect((await refusal(fetcher('http://h/m/other.json'))).code).toBe('asset-integrity');
      expect((await refusal(fetcher('http://elsewhere/model.json'))).code).toBe('asset-integrity');
      expect((await refusal(fetcher('http://h/m/absent.json'))).code).toBe('asset-missing');
      files['http://h/m/model.json'] = enc('{"x":2}');
      const changed = await refusal(v.fetchVerified('model', 'model.json', 'http://h/m/model.json'));
      expect(changed.code).toBe('asset-integrity');
      expect(changed.message).toMatch(/^http:\/\/h\/m\/model\.json: sha256 [0-9a-f]{64}, the manifest records/);
      const pinned = await refusal(loadManifest('http://h/m/manifest.json', '0'.repeat(64)));
      expect(pinned.code).toBe('asset-integrity');
      expect(pinned.url).toBe('http://h/m/manifest.json');
      expect((await refusal(loadManifest('http://h/nowhere/manifest.json', null))).code).toBe('asset-missing');
    } finally {
      globalThis.fetch = saved;
    }
  });

  it('vector blocks: refused until the verified vocab.json vouches for them, then checked against it', async () => {
    const vocabDir = join(root, 'models/vocab');
    const base = 'http://h/vocab/';
    const vocab = JSON.parse(readFileSync(join(vocabDir, 'vocab.json'), 'utf8')) as {
      files: { blocks: { path: string }[] };
    };
    const block = vocab.files.blocks[1]!.path;
    const saved = globalThis.fetch;
    const tampered = new Set<string>();
    globalThis.fetch = (async (u: RequestInfo | URL) => {
      const url = String(u);
      if (url === 'http://h/m/manifest.json') return new Response(readFileSync(committed));
      // other.bin: a real block's bytes under a name no list has.
      const name = url.endsWith('other.bin') ? block : url.slice(base.length);
      const body = Buffer.from(readFileSync(join(vocabDir, name)));
      if (tampered.has(url)) body[body.length - 1] = (body[body.length - 1]! + 1) & 0xff;
      return new Response(body);
    }) as typeof fetch;
    try {
      const fetcher = (await loadManifest('http://h/m/manifest.json', null)).fetcherFor('vocab', base);
      // Before vocab.json: the manifest alone does not list the block.
      expect((await refusal(fetcher(`${base}${block}`))).message).toMatch(/is not listed in/);
      await fetcher(`${base}vocab.json`);
      const bytes = new Uint8Array(await (await fetcher(`${base}${block}`)).arrayBuffer());
      expect(bytes).toEqual(new Uint8Array(readFileSync(join(vocabDir, block))));
      tampered.add(`${base}${block}`);
      const e = await refusal(fetcher(`${base}${block}`));
      expect(e.code).toBe('asset-integrity');
      expect(e.url).toBe(`${base}${block}`);
      expect(e.message).toMatch(/sha256 [0-9a-f]{64}, http:\/\/h\/vocab\/vocab\.json records/);
      expect((await refusal(fetcher(`${base}vectors/other.bin`))).message).toMatch(/is not listed in/);
    } finally {
      globalThis.fetch = saved;
    }
  });

  it('sits beside fusion.json or model.json by default', () => {
    expect(defaultManifestUrl('https://a/hirenet/model/')).toBe('https://a/hirenet/model/manifest.json');
    expect(defaultManifestUrl('https://a/hirenet/model')).toBe('https://a/hirenet/model/manifest.json');
    expect(defaultManifestUrl('https://a/m/audio/model.json?v=2')).toBe('https://a/m/audio/manifest.json');
    expect(defaultManifestUrl('/m/fusion.json')).toBe('/m/manifest.json');
  });
});
