// One identity for a model and every asset it loads (the hirenet-manifest/1 beside the model):
// HireNet.create refuses each tampered asset with a typed AssetError naming it, and logs the
// manifest's sha256 as modelSha256. Tampered copies are served by Playwright route interception.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, repoRoot, sharedMissing, sharedUrl, skipUnless, withPage } from './harness/index.ts';
import { FACE_MODEL, tinyModel } from './session-fixtures.ts';

const MODEL_DIR = join(repoRoot, 'models/hirenet-demo');
const fs = (abs: string): string => `/@fs${abs}/`;
const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const demoManifest = readFileSync(join(MODEL_DIR, 'manifest.json'));

interface Loaded {
  ok: true;
  modalities: string[];
  backend: string;
  warnings: string[];
  modelSha256: string | null;
  modelVersion: string | null;
}
interface Refused {
  ok: false;
  name: string;
  code: string | null;
  url: string | null;
  message: string;
}
type Outcome = Loaded | Refused;

/** path suffix → replacement body (and optional content type / status). */
type Tamper = Record<string, { body: Buffer | string; type?: string; status?: number }>;

async function create(args: Record<string, unknown> = {}, tamper: Tamper = {}): Promise<Outcome> {
  return withPage('session/assets.html', async (h) => {
    for (const [suffix, t] of Object.entries(tamper)) {
      await h.page.route(
        (u) => u.pathname.endsWith(suffix),
        (route: Route) =>
          route.fulfill({ status: t.status ?? 200, contentType: t.type ?? 'application/octet-stream', body: t.body }),
      );
    }
    const r = await h.run<Outcome>({
      modelUrl: fs(MODEL_DIR),
      vocabUrl: fs(join(repoRoot, 'models/vocab')),
      wasmPaths: fs(join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist')),
      faceModelUrl: null,
      modalities: ['audio'],
      backend: 'wasm',
      ...args,
    });
    expect(h.requests.filter((q) => q.hasBody)).toEqual([]);
    return r;
  });
}

function refused(r: Outcome): Refused {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  const e = r as Refused;
  expect(e.name).toBe('AssetError');
  return e;
}

const modelJson = (
  m: string,
): {
  raw: Buffer;
  json: { hirenet: { shardSha256: string[]; metadata: { features: { standardizer: { mean: number[] } } } } };
} => {
  const raw = readFileSync(join(MODEL_DIR, m, 'model.json'));
  return { raw, json: JSON.parse(raw.toString('utf8')) };
};

afterAll(closeHarness);

describe('session assets: one manifest, every byte checked', () => {
  it("loads the shipped model and logs the manifest's sha256 as modelSha256; a correct pin loads too", async () => {
    const r = await create();
    expect(r, JSON.stringify(r)).toMatchObject({
      ok: true,
      modalities: ['audio'],
      backend: 'wasm',
      modelSha256: sha(demoManifest),
    });
    const pinned = await create({ manifestSha256: sha(demoManifest).toUpperCase() });
    expect(pinned).toMatchObject({ ok: true, modelSha256: sha(demoManifest) });
  });

  it('two different models log two different identities (the fusion.json of both is identical)', async () => {
    const tiny = tinyModel();
    expect(readFileSync(join(tiny, 'fusion.json'))).toEqual(readFileSync(join(MODEL_DIR, 'fusion.json')));
    const r = await create({ modelUrl: fs(tiny) });
    expect(r, JSON.stringify(r)).toMatchObject({
      ok: true,
      modelSha256: sha(readFileSync(join(tiny, 'manifest.json'))),
    });
    expect((r as Loaded).modelSha256).not.toBe(sha(demoManifest));
  });

  it(
    'refuses changed shard bytes even when model.json carries their new sha256 (asset-integrity, ' +
      'naming model.json)',
    async () => {
      const shard = Buffer.from(readFileSync(join(MODEL_DIR, 'audio/group1-shard1of1.bin')));
      shard.writeFloatLE(shard.readFloatLE(0) + 0.5, 0);
      const { json } = modelJson('audio');
      json.hirenet.shardSha256[0] = sha(shard);
      const e = refused(
        await create(
          {},
          {
            'audio/group1-shard1of1.bin': { body: shard },
            'audio/model.json': { body: JSON.stringify(json), type: 'application/json' },
          },
        ),
      );
      expect(e.code).toBe('asset-integrity');
      expect(e.url).toMatch(/hirenet-demo\/audio\/model\.json$/);
    },
  );

  it('refuses changed shard bytes alone (asset-integrity, naming the shard)', async () => {
    const shard = Buffer.from(readFileSync(join(MODEL_DIR, 'audio/group1-shard1of1.bin')));
    shard[100] = (shard[100]! + 1) & 0xff;
    const e = refused(await create({}, { 'audio/group1-shard1of1.bin': { body: shard } }));
    expect(e.code).toBe('asset-integrity');
    expect(e.url).toMatch(/audio\/group1-shard1of1\.bin$/);
  });

  it('refuses an edited standardiser mean in model.json (asset-integrity)', async () => {
    // Same length, so only the sha256 can tell: one digit of the first mean changes.
    const { raw, json } = modelJson('audio');
    const text = raw.toString('utf8');
    const at = text.indexOf('"mean"');
    const digit = at + text.slice(at).search(/\d/);
    const edited = `${text.slice(0, digit)}${(Number(text[digit]) + 1) % 10}${text.slice(digit + 1)}`;
    expect((JSON.parse(edited) as typeof json).hirenet.metadata.features.standardizer.mean[0]).not.toBe(
      json.hirenet.metadata.features.standardizer.mean[0],
    );
    expect(edited.length).toBe(text.length);
    const e = refused(await create({}, { 'audio/model.json': { body: edited, type: 'application/json' } }));
    expect(e.code).toBe('asset-integrity');
    expect(e.message).toMatch(/sha256 [0-9a-f]{64}, the manifest records/);
  });

  it(
    'refuses changed word vectors even when vocab.json carries their new sha256 (asset-integrity, ' +
      'naming vocab.json)',
    async () => {
      // The first block of rows: loaded with the vocabulary (the others are fetched when words need them).
      const vectors = Buffer.from(readFileSync(join(repoRoot, 'models/vocab/vectors/000000.bin')));
      vectors[vectors.length - 1] = (vectors[vectors.length - 1]! + 7) & 0xff;
      const vocab = JSON.parse(readFileSync(join(repoRoot, 'models/vocab/vocab.json'), 'utf8'));
      vocab.files.blocks[0].sha256 = sha(vectors);
      const e = refused(
        await create(
          {},
          {
            'vocab/vectors/000000.bin': { body: vectors },
            'vocab/vocab.json': { body: JSON.stringify(vocab, null, 2), type: 'application/json' },
          },
        ),
      );
      expect(e.code).toBe('asset-integrity');
      expect(e.url).toMatch(/models\/vocab\/vocab\.json$/);
    },
  );

  it('refuses a changed vector block alone against vocab.json (asset-integrity, naming the block)', async () => {
    // The manifest lists vocab.json, which lists every block with its sha256: the block is checked against it.
    const vectors = Buffer.from(readFileSync(join(repoRoot, 'models/vocab/vectors/000000.bin')));
    vectors[0] = (vectors[0]! + 1) & 0xff;
    const e = refused(await create({}, { 'vocab/vectors/000000.bin': { body: vectors } }));
    expect(e.code).toBe('asset-integrity');
    expect(e.url).toMatch(/models\/vocab\/vectors\/000000\.bin$/);
    expect(e.message).toMatch(/vocab\.json records/);
  });

  it('refuses a truncated model.json (asset-integrity) and a truncated manifest (asset-invalid)', async () => {
    const { raw } = modelJson('audio');
    const e = refused(
      await create({}, { 'audio/model.json': { body: raw.subarray(0, raw.length >> 1), type: 'application/json' } }),
    );
    expect(e.code).toBe('asset-integrity');
    expect(e.url).toMatch(/audio\/model\.json$/);
    const m = refused(
      await create(
        {},
        { 'hirenet-demo/manifest.json': { body: demoManifest.subarray(0, 300), type: 'application/json' } },
      ),
    );
    expect(m.code).toBe('asset-invalid');
    expect(m.url).toMatch(/hirenet-demo\/manifest\.json$/);
  });

  it('refuses an HTML page served for model.json (asset-invalid) and a 404 vectors file (asset-missing)', async () => {
    const html = refused(
      await create(
        {},
        { 'audio/model.json': { body: '<!doctype html><title>App</title>', type: 'text/html; charset=utf-8' } },
      ),
    );
    expect(html.code).toBe('asset-invalid');
    expect(html.url).toMatch(/audio\/model\.json$/);
    const gone = refused(
      await create({}, { 'vocab/vectors/000000.bin': { body: 'not found', status: 404, type: 'text/plain' } }),
    );
    expect(gone.code).toBe('asset-missing');
    expect(gone.url).toMatch(/vocab\/vectors\/000000\.bin$/);
  });

  it(
    "refuses a manifest that does not match the host's pin, and a model without a manifest " + '(asset-missing)',
    async () => {
      const e = refused(await create({ manifestSha256: '0'.repeat(64) }));
      expect(e.code).toBe('asset-integrity');
      expect(e.url).toMatch(/hirenet-demo\/manifest\.json$/);
      expect(e.message).toContain(sha(demoManifest));
      const none = refused(
        await create({ manifestUrl: fs(join(repoRoot, 'models/vocab')).replace(/\/$/, '/manifest.json') }),
      );
      expect(none.code).toBe('asset-missing');
    },
  );

  it(
    'refuses a corrupt tfjs wasm binary with asset-integrity naming it, whatever the backend choice ' +
      '(any may fall back to wasm)',
    async () => {
      const corrupt: Tamper = {};
      for (const f of [
        'tfjs-backend-wasm.wasm',
        'tfjs-backend-wasm-simd.wasm',
        'tfjs-backend-wasm-threaded-simd.wasm',
      ]) {
        const b = Buffer.from(readFileSync(join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist', f)));
        b.fill(0, 64, 4096);
        corrupt[`/${f}`] = { body: b, type: 'application/wasm' };
      }
      for (const backend of ['wasm', 'auto', 'cpu']) {
        const e = refused(await create({ backend }, corrupt));
        expect(e.code).toBe('asset-integrity');
        expect(e.url).toMatch(/tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm$/);
      }
    },
  );

  it('refuses a corrupt MediaPipe wasm binary before the face analyser starts on it', async (ctx) => {
    skipUnless(ctx, FACE_MODEL);
    const wasm = Buffer.from(
      readFileSync(join(repoRoot, 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_module_internal.wasm')),
    );
    wasm.fill(0, 1000, 2000);
    const base = fs(join(repoRoot, 'node_modules/@mediapipe/tasks-vision/wasm'));
    const visionWasm = {
      wasmLoaderUrl: `${base}vision_wasm_module_internal.js`,
      wasmBinaryUrl: `${base}vision_wasm_module_internal.wasm`,
    };
    const args = { modalities: ['audio', 'video'], faceModelUrl: sharedUrl(FACE_MODEL), visionWasm };
    const good = await create(args);
    expect(good, JSON.stringify(good)).toMatchObject({ ok: true, modalities: ['audio', 'video'] });
    const e = refused(
      await create(args, { '/vision_wasm_module_internal.wasm': { body: wasm, type: 'application/wasm' } }),
    );
    expect(e.code).toBe('asset-integrity');
    expect(e.url).toMatch(/vision_wasm_module_internal\.wasm$/);
  });

  it('a missing or HTML capture worklet: AssetError naming its URL and what belongs there, at create', async () => {
    const missing = refused(await create({}, { 'capture-worklet.ts': { body: '', status: 404 } }));
    expect(missing.code).toBe('asset-missing');
    expect(missing.url).toContain('capture-worklet.ts');
    expect(missing.message).toContain('HTTP 404; expected the capture worklet');
    const page = '<!doctype html><title>app</title>';
    const html = refused(await create({}, { 'capture-worklet.ts': { body: page, type: 'text/html' } }));
    expect(html.code).toBe('asset-invalid');
    expect(html.message).toContain('served as text/html; expected the capture worklet');
  });
});

if (sharedMissing(FACE_MODEL)) console.warn(`[session-assets] ${sharedMissing(FACE_MODEL)}: the MediaPipe case skips`);
