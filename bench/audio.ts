/**
 * Audio descriptor throughput in Node: real-time factor (seconds of audio per second of one
 * core's CPU time) of the full per-frame pipeline, prints JSON.
 *
 *   node --single-threaded --conditions=source --import tsx bench/audio.ts [--seconds 60]
 *
 * Input: the shared speech fixtures (../shared/fixtures/audio) looped to the requested length
 * when present, else a synthetic vowel/silence pattern, fed in 20 ms blocks as a live stream
 * would be. CPU time (process.cpuUsage) rather than wall time, because the machine may be
 * shared; best of three runs per input rate. `--single-threaded` keeps V8's helper threads
 * (concurrent GC/compilation, counted in process CPU time) out of the per-core figure.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { argv, cpuUsage, stdout } from 'node:process';
import { AudioFeatureExtractor } from '../packages/sdk/src/audio/frames.ts';
import { decodeWavFrames, parseWavHeader } from '../packages/sdk/src/audio/wav.ts';
import { Resampler } from '../packages/sdk/src/audio/resample.ts';
import { synthVowel } from '../packages/sdk/src/audio/testing/synth.ts';
import { readFileSync } from 'node:fs';

const secondsArg = argv.indexOf('--seconds');
const SECONDS = secondsArg >= 0 ? Number(argv[secondsArg + 1]) : 60;
const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/audio/', import.meta.url));

function speech16k(): { pcm: Float32Array; source: string } {
  if (existsSync(FIXTURES)) {
    const parts: Float32Array[] = [];
    for (const f of readdirSync(FIXTURES)
      .filter((n) => n.endsWith('.wav'))
      .sort()) {
      const bytes = new Uint8Array(readFileSync(FIXTURES + f));
      const fmt = parseWavHeader(bytes);
      const x = decodeWavFrames(bytes.subarray(fmt.dataOffset), fmt);
      const r = new Resampler(fmt.sampleRate, 16000);
      parts.push(r.process(x), r.flush());
    }
    return { pcm: loop(parts, SECONDS * 16000), source: 'shared/fixtures/audio (looped)' };
  }
  const vowel = synthVowel({ seconds: 0.6, jitter: 0.01 });
  return { pcm: loop([vowel, new Float32Array(4800)], SECONDS * 16000), source: 'synthetic vowel/silence' };
}

function loop(parts: Float32Array[], n: number): Float32Array {
  const out = new Float32Array(n);
  let o = 0;
  while (o < n) {
    for (const p of parts) {
      const take = Math.min(p.length, n - o);
      out.set(p.subarray(0, take), o);
      o += take;
      if (o >= n) break;
    }
  }
  return out;
}

function upsample(x: Float32Array, rate: number): Float32Array {
  const r = new Resampler(16000, rate);
  const a = r.process(x);
  const b = r.flush();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function run(pcm: Float32Array, rate: number): { cpuRtf: number; wallRtf: number; frames: number } {
  const ex = new AudioFeatureExtractor({ sampleRate: rate });
  const block = Math.round(rate / 50); // 20 ms blocks, like a live stream
  const c0 = cpuUsage();
  const t0 = performance.now();
  let frames = 0;
  for (let i = 0; i < pcm.length; i += block) frames += ex.push(pcm.subarray(i, i + block)).length;
  frames += ex.flush().length;
  const wall = (performance.now() - t0) / 1000;
  const c = cpuUsage(c0);
  const audio = pcm.length / rate;
  return { cpuRtf: audio / ((c.user + c.system) / 1e6), wallRtf: audio / wall, frames };
}

const { pcm, source } = speech16k();
const inputs = new Map(
  [16000, 44100, 48000].map((rate) => [rate, rate === 16000 ? pcm : upsample(pcm, rate)] as const),
);
// Warm-up (JIT) on every path, then the best of three runs per rate: on a shared machine the
// slower runs measure the neighbours, not this code.
for (const [rate, input] of inputs) run(input.subarray(0, rate * 10), rate);
const results: Record<string, { cpuRtf: number; wallRtf: number; frames: number }> = {};
for (const [rate, input] of inputs) {
  const runs = [run(input, rate), run(input, rate), run(input, rate)];
  results[`${rate}Hz`] = runs.reduce((a, b) => (b.cpuRtf > a.cpuRtf ? b : a));
}
const round = (v: number): number => Math.round(v * 10) / 10;
stdout.write(
  `${JSON.stringify(
    {
      bench: 'audio-descriptors',
      node: process.version,
      audioSeconds: SECONDS,
      source,
      realTimeFactorPerCore: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, round(v.cpuRtf)])),
      realTimeFactorWall: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, round(v.wallRtf)])),
      framesPerRun: results['16000Hz']?.frames,
    },
    null,
    2,
  )}\n`,
);
