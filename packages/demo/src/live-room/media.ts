/** Camera/microphone for a live room, and <video> elements that report when frames arrive. */
import { h } from '../dom.ts';

export async function openCameraAndMic(
  video: MediaTrackConstraints = { width: 640, height: 480 },
): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video,
    audio: { echoCancellation: true, noiseSuppression: false, autoGainControl: false },
  });
}

/**
 * A <video> for a stream. `data-frames` counts frames presented (requestVideoFrameCallback), so
 * a page, a person with dev tools or a test can see that remote video really arrives.
 */
export function videoFor(
  stream: MediaStream | null,
  opts: { muted: boolean; label: string; testid: string },
): HTMLVideoElement {
  const v = h('video', {
    autoplay: true,
    playsinline: true,
    'aria-label': opts.label,
    'data-testid': opts.testid,
    'data-frames': 0,
  });
  v.muted = opts.muted;
  let frames = 0;
  const onFrame = (): void => {
    frames++;
    v.dataset['frames'] = String(frames);
    v.requestVideoFrameCallback(onFrame);
  };
  if ('requestVideoFrameCallback' in v) v.requestVideoFrameCallback(onFrame);
  if (stream !== null) setStream(v, stream);
  return v;
}

export function setStream(v: HTMLVideoElement, stream: MediaStream): void {
  if (v.srcObject === stream) return;
  v.srcObject = stream;
  void v.play().catch(() => undefined);
}
