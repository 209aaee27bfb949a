/**
 * live.html: `?room=R&role=interviewer` or `?room=R&role=candidate&name=N[&auto=1]`. Under
 * `npm start` the development relay runs on port 8787 and hands out tokens at /dev-token; a
 * production host passes `&token=` (minted by its back end) and `&relay=wss://…` instead.
 * Analysis assets are the demo's self-hosted ones under hirenet/ (vite-assets.ts).
 */
import { HireNetError } from '@hirenet/sdk';
import '../styles.css';
// Imported by the entry only: a CSS import pulls in Vite's client, which test pages must not load.
import './live.css';
import { startLiveRoomPage, showError } from './app.ts';
import { parseLiveParams, type LiveRoomConfig } from './config.ts';

const root = document.getElementById('live-app')!;
const assets = new URL('hirenet/', location.href);

async function faceModelPresent(): Promise<boolean> {
  try {
    return (await fetch(new URL('face_landmarker.task', assets), { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

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
    face: (await faceModelPresent())
      ? {
          wasmLoaderUrl: new URL('mediapipe/vision_wasm_module_internal.js', assets).href,
          wasmBinaryUrl: new URL('mediapipe/vision_wasm_module_internal.wasm', assets).href,
          modelUrl: new URL('face_landmarker.task', assets).href,
        }
      : null,
    audio: { workletUrl: new URL('capture-worklet.js', assets) },
  };
  await startLiveRoomPage(root, cfg);
}

main().catch((e: unknown) => showError(root, e));
