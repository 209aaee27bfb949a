/**
 * live.html: `?room=R&role=interviewer` or `?room=R&role=candidate&name=N[&auto=1][&words=host|off]`. Under
 * `npm start` the development relay runs on port 8787 and hands out tokens at /dev-token; a
 * production host passes `&token=` (minted by its back end) and `&relay=wss://…` instead.
 * Analysis assets are the demo's self-hosted ones under hirenet/ (vite-assets.ts).
 */
import { HireNetError } from '@hirenet/sdk';
import '../styles.css';
// Imported by the entry only: a CSS import pulls in Vite's client, which test pages must not load.
import './live.css';
import { startLiveRoomPage, showError } from './app.ts';
import { loadVocabulary, type Vocabulary } from '@hirenet/sdk/text';
import { PRESETS } from '../presets.ts';
import { parseLiveParams, type LiveRoomConfig } from './config.ts';

const root = document.getElementById('live-app')!;
const assets = new URL('hirenet/', location.href);

/**
 * sha256 of the pose bundle the development server serves (../shared/models/pose_landmarker_lite.task,
 * a local rebuild, see its README). A host serving Google's published bundle states that file's hash.
 */
const DEV_POSE_SHA256 = '9932cec8cd3ca15d6567c545eaad6e0379e6f6b0d89b08ee15141ed3cacdf356';

async function present(file: string): Promise<boolean> {
  try {
    return (await fetch(new URL(file, assets), { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

let vocab: Promise<Vocabulary> | undefined;

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const params = parseLiveParams(location.search);
  const relayUrl = q.get('relay') ?? `ws://${location.hostname}:8787`;
  const given = q.get('token');
  const token = async (): Promise<string> => {
    if (given !== null) return given;
    const url = new URL('/dev-token', relayUrl.replace(/^ws/, 'http'));
    url.search = new URLSearchParams({ room: params.room, role: params.role, name: params.name }).toString();
    const r = await fetch(url, { cache: 'no-store' }).catch(() => null);
    if (r === null || !r.ok)
      throw new HireNetError(
        'invalid-options',
        `No join token: pass &token=, or run the development relay (npm start) at ${relayUrl}.`,
      );
    return ((await r.json()) as { token: string }).token;
  };
  const cfg: LiveRoomConfig = {
    ...params,
    relayUrl,
    token,
    relayOnly: q.get('ice') === 'relay',
    // &words=host: this site's own on-device recogniser supplies the words (the words box, or
    // CandidateHandle.supplyWords); &words=off: no words channel; default: on-device recognition.
    words: q.get('words') === 'host' ? 'host' : q.get('words') === 'off' ? null : 'recognition',
    ...(q.get('lang') === null ? {} : { lang: q.get('lang')! }),
    face: (await present('face_landmarker.task.gz'))
      ? {
          wasmLoaderUrl: new URL('mediapipe/vision_wasm_module_internal.js', assets).href,
          wasmBinaryUrl: new URL('mediapipe/vision_wasm_module_internal.wasm', assets).href,
          modelUrl: new URL('face_landmarker.task.gz', assets).href,
        }
      : null,
    pose: (await present('pose_landmarker_lite.task.gz'))
      ? { modelUrl: new URL('pose_landmarker_lite.task.gz', assets).href, modelSha256: DEV_POSE_SHA256 }
      : null,
    // The demo's practice roles stand in for an employer's question bank (&job=software|sales|…).
    followUps:
      params.role === 'interviewer'
        ? {
            bank: (PRESETS.find((p) => p.id === q.get('job')) ?? PRESETS[0]!).questions,
            // Only the word-vector blocks of the bank's and the keywords' words are fetched.
            vectors: async (texts) => {
              vocab ??= loadVocabulary(new URL('vocab/', assets), globalThis.fetch, { vectors: 'on-demand' });
              const v = await vocab;
              await v.prepare(texts);
              return v;
            },
          }
        : null,
    audio: { workletUrl: new URL('capture-worklet.js', assets) },
  };
  await startLiveRoomPage(root, cfg);
}

main().catch((e: unknown) => showError(root, e));
