/**
 * Microphone level for the preview: an AnalyserNode on the page's own stream (the SDK's
 * capture tap only runs during an answer, so it cannot show the level beforehand). Only a
 * level leaves this file; no sample is kept.
 */
import { h } from '../dom.ts';

export interface LevelMeter {
  readonly el: HTMLElement;
  close(): void;
}

/** dBFS shown as 0 (silence) … 1 (full scale); −60 dBFS and below read as silence. */
const FLOOR_DB = -60;

export function levelMeter(stream: MediaStream): LevelMeter {
  const meter = h('meter', {
    min: 0,
    max: 1,
    low: 0.25,
    high: 0.9,
    optimum: 0.6,
    value: 0,
    'aria-label': 'Microphone level',
  });
  const label = h('span', { class: 'live-value' }, '—');
  const el = h(
    'div',
    { class: 'live-indicator', 'data-testid': 'level' },
    h('span', { class: 'live-name' }, 'Microphone'),
    meter,
    label,
  );
  const track = stream.getAudioTracks()[0];
  if (track === undefined) {
    label.textContent = 'no microphone';
    return { el, close: () => undefined };
  }
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  // 10 updates a second is smooth enough for a meter and leaves the CPU to the analysis.
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const v of buf) sum += v * v;
    const db = 10 * Math.log10(sum / buf.length + 1e-12);
    const level = Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
    meter.value = level;
    label.textContent = level < 0.05 ? 'quiet' : `${Math.round(db)} dB`;
    el.dataset['level'] = level.toFixed(2);
  }, 100);
  void ctx.resume();
  let closed = false;
  return {
    el,
    close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      source.disconnect();
      void ctx.close();
    },
  };
}
