// Measures which image side MediaPipe's "...Left" blendshapes follow, from landmarks alone
// (test/browser/video-sides.test.ts). Runs on the main thread with the classic wasm loader, so
// it shares no code path with the worker under test except the frame decoder.
import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { openVideoFile } from '../../../../packages/sdk/src/video/file-frames.ts';
import { blockTelemetry } from '../../../../packages/sdk/src/video/no-telemetry.ts';
import { exposeRun } from '../../harness/page.ts';

interface Args {
  readonly modelUrl: string;
  readonly wasmDir: string;
  readonly file: string;
}
/**
 * One analysed frame (read by the test): MediaPipe's Left/Right blendshapes, and the eye on the image's left
 * and right measured from landmarks (lid opening, iris offset, both relative to the eye's width).
 */
export interface SideSample {
  blinkL: number;
  blinkR: number;
  lookOutL: number;
  lookOutR: number;
  openImgLeft: number;
  openImgRight: number;
  irisImgLeft: number;
  irisImgRight: number;
}
type P = { x: number; y: number };

const dist = (a: P, b: P, w: number, h: number): number => Math.hypot((a.x - b.x) * w, (a.y - b.y) * h);

blockTelemetry(window);

exposeRun(async (a: Args) => {
  const fileset = {
    wasmLoaderPath: `${a.wasmDir}/vision_wasm_internal.js`,
    wasmBinaryPath: `${a.wasmDir}/vision_wasm_internal.wasm`,
  };
  const lm = await FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: a.modelUrl, delegate: 'CPU' },
    runningMode: 'VIDEO',
    numFaces: 1,
    outputFaceBlendshapes: true,
  });
  const blob = await (await fetch(a.file)).blob();
  const file = await openVideoFile(blob, 15);
  const out: SideSample[] = [];
  for await (const { time, frame } of file.frames) {
    if (!frame) continue;
    const w = frame.displayWidth;
    const h = frame.displayHeight;
    const r = lm.detectForVideo(frame, Math.round(time * 1000) + 1);
    frame.close();
    const p = r.faceLandmarks[0];
    const c = r.faceBlendshapes[0]?.categories;
    if (!p || !c) continue;
    const s = (n: string): number => c.find((x) => x.categoryName === n)?.score ?? NaN;
    // Two eyes by mesh index; which one is on the image's left is read from x, not assumed.
    const eyes = [
      { corners: [p[33]!, p[133]!], lids: [p[159]!, p[145]!], iris: p[468]! },
      { corners: [p[263]!, p[362]!], lids: [p[386]!, p[374]!], iris: p[473]! },
    ].map((e) => {
      const span = dist(e.corners[0]!, e.corners[1]!, w, h);
      const midX = (e.corners[0]!.x + e.corners[1]!.x) / 2;
      return { x: midX, open: dist(e.lids[0]!, e.lids[1]!, w, h) / span, iris: ((e.iris.x - midX) * w) / span };
    });
    const [imgLeft, imgRight] = eyes[0]!.x < eyes[1]!.x ? [eyes[0]!, eyes[1]!] : [eyes[1]!, eyes[0]!];
    out.push({
      blinkL: s('eyeBlinkLeft'),
      blinkR: s('eyeBlinkRight'),
      lookOutL: s('eyeLookOutLeft'),
      lookOutR: s('eyeLookOutRight'),
      openImgLeft: imgLeft.open,
      openImgRight: imgRight.open,
      irisImgLeft: imgLeft.iris,
      irisImgRight: imgRight.iris,
    });
  }
  file.close();
  lm.close();
  return out;
});
