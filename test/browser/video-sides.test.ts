import { afterAll, describe, expect, it } from 'vitest';
import { LEFT_IS_IMAGE_RIGHT } from '../../packages/sdk/src/video/gaze.ts';
import { pearson } from '../node/video/mirror-stats.ts';
import { closeHarness, repoRoot, sharedMissing, sharedUrl, withPage } from './harness/index.ts';
import type { SideSample } from './pages/video/sides.ts';

const MODEL = 'models/face_landmarker.task';
const CLIPS = ['vrt_face_1.mp4', 'talk_f1.mp4'];
const missing = sharedMissing(MODEL, ...CLIPS.map((c) => `fixtures/video/${c}`));
if (missing) console.warn(`[video-sides] ${missing}`);

describe.skipIf(missing !== undefined)('MediaPipe side naming (measured from landmarks)', () => {
  afterAll(closeHarness);

  it(
    'eyeLookOutLeft − eyeLookOutRight follows gaze toward the image’s right (iris landmarks), as ' + 'gaze.ts assumes',
    async () => {
      for (const clip of CLIPS) {
        const s = await withPage('video/sides.html', (h) =>
          h.run<SideSample[]>({
            modelUrl: sharedUrl(MODEL),
            wasmDir: `/@fs${repoRoot}/node_modules/@mediapipe/tasks-vision/wasm`,
            file: sharedUrl(`fixtures/video/${clip}`),
          }),
        );
        const col = (k: keyof SideSample): number[] => s.map((x) => x[k]);
        const diff = (a: keyof SideSample, b: keyof SideSample): number[] => s.map((x) => x[a] - x[b]);
        // Both eyes blink and look together, so only left-minus-right differences tell the sides
        // apart. If "Left" is the image-right eye: blinkL − blinkR rises as the image-right eye
        // closes (openImgLeft − openImgRight rises), and lookOutL − lookOutR (gaze toward the
        // image's right) rises with the irises' x.
        const blinkAsym = pearson(diff('blinkL', 'blinkR'), diff('openImgLeft', 'openImgRight'));
        const irisX = s.map((x) => (x.irisImgLeft + x.irisImgRight) / 2);
        const lookAsym = pearson(diff('lookOutL', 'lookOutR'), irisX);
        console.log(
          [
            `[video-sides] ${clip}: ${s.length} frames; r(blinkL−blinkR, openImgLeft−openImgRight)`,
            `${blinkAsym.toFixed(3)}; r(lookOutL−lookOutR, iris x) ${lookAsym.toFixed(3)}; r(eyeLookOutLeft,`,
            `iris x) ${pearson(col('lookOutL'), irisX).toFixed(3)}`,
          ].join(' '),
        );
        expect(lookAsym > 0).toBe(LEFT_IS_IMAGE_RIGHT);
        expect(Math.abs(lookAsym)).toBeGreaterThan(0.3);
      }
    },
  );
});
