/**
 * Streaming assembly of the per-10 ms descriptor frames from mono PCM at any rate.
 *
 * Data path: resample to 16 kHz → ring buffer → per frame: pitch candidates, harmonicity (HNR)
 * and spectral descriptors → fixed-lag pitch path → once a frame's pitch is final: glottal
 * pulses (jitter, shimmer), formants, activity, syllable nuclei, filled pauses. Frames come out
 * `pitchLag` frames (250 ms) behind the input; memory is constant in the stream length.
 */
import { HarmonicityAnalyzer, hnrDb, type HarmonicityFrame } from './hnr.ts';
import { FormantAnalyzer } from './formants.ts';
import { JitterAccumulator } from './jitter.ts';
import { ShimmerAccumulator } from './shimmer.ts';
import { PitchAnalyzer, type PitchOptions } from './pitch.ts';
import { PitchPath, type PitchDecision } from './pitch-path.ts';
import { PulseTracker } from './pulses.ts';
import { Resampler } from './resample.ts';
import { SampleRing } from './sample-ring.ts';
import { SpectralAnalyzer, type SpectralFeatures } from './spectral.ts';
import { PauseDetector } from './vad.ts';
import { SyllableNucleusCounter } from './syllable-nuclei.ts';
import { FilledPauseDetector } from './disfluency.ts';
import { AudioInputError } from './errors.ts';
import { AUDIO_ANALYSIS_RATE, AUDIO_FRAME_STEP_SECONDS, type AudioFrameFeature } from './schema.ts';
import { summarize, type AudioSummary, type SummaryState } from './summary.ts';

/** One 10 ms frame; every value finite. Voiced-only descriptors are 0 on unvoiced frames. */
export type AudioFrame = Readonly<Record<AudioFrameFeature, number>>;

export interface AudioExtractorOptions {
  /** Rate of the PCM given to `push`, Hz. */
  readonly sampleRate: number;
  /**
   * Loudest |sample| of the whole input, when known beforehand (files). Praat's silence
   * threshold is relative to it; live streams use the loudest sample so far instead.
   */
  readonly globalPeak?: number;
  /** Pitch floor / ceiling, Hz. Defaults 75 / 600 (Praat). */
  readonly minPitch?: number;
  readonly maxPitch?: number;
  /** Frames of look-ahead for the pitch path. Default 25. */
  readonly pitchLag?: number;
  readonly pitch?: Omit<PitchOptions, 'sampleRate' | 'minPitch' | 'maxPitch'>;
}

const FS = AUDIO_ANALYSIS_RATE;
const HOP = Math.round(FS * AUDIO_FRAME_STEP_SECONDS);
/** Per-frame jitter/shimmer look back over this many seconds of pulses (openSMILE uses 60 ms frames). */
const LOCAL_PERIOD_SPAN = 0.06;
const INGEST_BLOCK = 4 * HOP;

export class AudioFeatureExtractor {
  private readonly resampler: Resampler;
  private readonly ring: SampleRing;
  private readonly pitch: PitchAnalyzer;
  private readonly path: PitchPath;
  private readonly spectral: SpectralAnalyzer;
  private readonly formants = new FormantAnalyzer({ sampleRate: FS });
  private readonly pulses = new PulseTracker();
  private readonly pauses = new PauseDetector({ frameStep: AUDIO_FRAME_STEP_SECONDS });
  private readonly syllables = new SyllableNucleusCounter();
  private readonly fillers = new FilledPauseDetector({ frameStep: AUDIO_FRAME_STEP_SECONDS });
  private readonly fileJitter = new JitterAccumulator();
  private readonly fileShimmer = new ShimmerAccumulator();
  private readonly harmonicity: HarmonicityAnalyzer;
  private readonly pending = new Map<number, { spec: SpectralFeatures; hnr: HarmonicityFrame }>();
  private readonly recent: { time: number; period: number; amplitude: number }[] = [];
  private readonly state: SummaryState = {
    frames: 0,
    voiced: 0,
    f0Sum: 0,
    stSum: 0,
    stSqSum: 0,
    hnrSum: 0,
    hnrAudibleSum: 0,
    audible: 0,
  };
  private readonly fixedPeak: number | undefined;
  private runningPeak = 0;
  private lastPulse: number | null = null;
  private nextFrame = 0;
  private finished = false;
  private readonly pitchBuf: Float32Array;
  private readonly specBuf: Float32Array;
  private readonly hnrBuf: Float32Array;
  private readonly formantBuf: Float32Array;

  constructor(options: AudioExtractorOptions) {
    const rate = options.sampleRate;
    if (!(rate >= 1000 && rate <= 768_000)) {
      throw new AudioInputError('invalid-options', `sample rate ${rate} Hz is outside 1 kHz..768 kHz`);
    }
    this.resampler = new Resampler(rate, FS);
    this.pitch = new PitchAnalyzer({
      ...options.pitch,
      sampleRate: FS,
      minPitch: options.minPitch ?? 75,
      maxPitch: options.maxPitch ?? 600,
    });
    const lag = options.pitchLag ?? 25;
    this.path = new PitchPath({ lag, timeStep: AUDIO_FRAME_STEP_SECONDS });
    this.spectral = new SpectralAnalyzer(FS);
    this.ring = new SampleRing((lag + 8) * HOP + 2 * this.pitch.windowLength + FS / 10);
    this.fixedPeak = options.globalPeak !== undefined && options.globalPeak > 0 ? options.globalPeak : undefined;
    this.pitchBuf = new Float32Array(this.pitch.windowLength);
    this.specBuf = new Float32Array(this.spectral.frameLength);
    this.harmonicity = new HarmonicityAnalyzer({ sampleRate: FS, minPitch: options.minPitch ?? 75 });
    this.hnrBuf = new Float32Array(this.harmonicity.length);
    this.formantBuf = new Float32Array(this.formants.frameLength);
  }

  /** Feeds mono PCM at the input rate; returns the frames that became final. */
  push(pcm: Float32Array): AudioFrame[] {
    if (this.finished) throw new AudioInputError('invalid-options', 'push() after flush()');
    return this.ingest(this.resampler.process(sanitize(pcm)));
  }

  /** End of input: returns every remaining frame. */
  flush(): AudioFrame[] {
    if (this.finished) return [];
    const out = this.ingest(this.resampler.flush());
    this.finished = true;
    this.ring.ended = true;
    // Frames whose centre lies inside the signal, analysed with silence beyond the end.
    const total = this.ring.written;
    while (this.nextFrame * HOP < total) out.push(...this.analyzeNext());
    for (const d of this.path.flush()) out.push(this.decide(d));
    this.syllables.finish();
    return out;
  }

  /** File-level summary of everything pushed so far (final after `flush`). */
  summary(): AudioSummary {
    return summarize(this.state, {
      jitter: this.fileJitter.value(),
      shimmer: this.fileShimmer.value(),
      syllables: this.syllables.count,
      pauses: this.pauses.stats(),
      fillers: this.fillers.count,
      frameStep: AUDIO_FRAME_STEP_SECONDS,
    });
  }

  private ingest(samples: Float32Array): AudioFrame[] {
    const out: AudioFrame[] = [];
    const half = this.pitch.windowLength / 2;
    // Small blocks: the ring only holds the look-ahead plus history, never a whole input chunk.
    for (let at = 0; at < samples.length; at += INGEST_BLOCK) {
      const block = samples.subarray(at, Math.min(samples.length, at + INGEST_BLOCK));
      this.ring.push(block);
      for (const v of block) if (Math.abs(v) > this.runningPeak) this.runningPeak = Math.abs(v);
      while (this.nextFrame * HOP + half <= this.ring.written) out.push(...this.analyzeNext());
    }
    return out;
  }

  private analyzeNext(): AudioFrame[] {
    const k = this.nextFrame++;
    const centre = k * HOP;
    const pw = this.ring.read(centre - this.pitch.windowLength / 2, this.pitchBuf);
    const sw = this.ring.read(centre - Math.floor(this.spectral.frameLength / 2), this.specBuf);
    const peak = this.fixedPeak ?? this.runningPeak;
    const pitchFrame = this.pitch.analyze(pw, peak);
    const hw = this.ring.read(centre - this.harmonicity.before, this.hnrBuf);
    const hnr = this.harmonicity.analyze(hw, peak);
    this.pending.set(k, { spec: this.spectral.analyze(sw), hnr });
    return this.path.push(pitchFrame).map((d) => this.decide(d));
  }

  private decide(d: PitchDecision): AudioFrame {
    const k = d.index;
    const pending = this.pending.get(k)!;
    this.pending.delete(k);
    const spec = pending.spec;
    const time = k * AUDIO_FRAME_STEP_SECONDS;
    const voiced = d.f0 > 0;
    let harmonicity = pending.hnr;
    // Too quiet to count towards Praat's Harmonicity mean, yet voiced for the pitch track (whose
    // silence threshold is lower): the HNR column still needs r. The ring still holds the frame.
    if (voiced && harmonicity.skipped) {
      const hw = this.ring.read(k * HOP - this.harmonicity.before, this.hnrBuf);
      harmonicity = { ...this.harmonicity.analyze(hw, this.fixedPeak ?? this.runningPeak, true), sounding: false };
    }
    let jitter = 0;
    let shimmer = 0;
    let formants = { frequencies: [0, 0, 0], f1Bandwidth: 0 };
    if (voiced) {
      this.trackPulses(k, d.f0);
      [jitter, shimmer] = this.localPerturbation(time);
      formants = this.formants.analyze(
        this.ring.read(k * HOP - Math.floor(this.formantBuf.length / 2), this.formantBuf),
      );
    } else {
      this.pulses.reset();
      this.fileJitter.add(null);
      this.fileShimmer.add(null, null);
      this.lastPulse = null;
      this.recent.length = 0;
    }
    const semitones = voiced ? 12 * Math.log2(d.f0 / 27.5) : 0;
    const hnr = voiced ? hnrDb(harmonicity.r) : 0;
    const speech = this.pauses.push(spec.intensityDb);
    const smoothDb = d.frame.meanSquare > 1e-12 ? 10 * Math.log10(d.frame.meanSquare) : -120;
    this.syllables.push(smoothDb, voiced, this.pauses.threshold());
    const filled = this.fillers.push(semitones, spec.flux);
    const s = this.state;
    s.frames++;
    // File-level HNR as Praat's Harmonicity mean: every frame its cc analysis gives a value, voiced or not.
    if (harmonicity.sounding) {
      s.audible++;
      s.hnrAudibleSum += hnrDb(harmonicity.r);
    }

    if (voiced) {
      s.voiced++;
      s.f0Sum += d.f0;
      s.stSum += semitones;
      s.stSqSum += semitones * semitones;
      s.hnrSum += hnr;
    }
    return {
      time,
      F0_Hz: d.f0,
      F0_semitones: semitones,
      voicing: Math.max(0, Math.min(1, d.frame.maxR)),
      loudness: spec.loudness,
      intensity_dB: spec.intensityDb,
      jitterLocal: jitter,
      shimmerLocaldB: shimmer,
      HNRdB: hnr,
      alphaRatio: spec.alphaRatio,
      hammarbergIndex: spec.hammarbergIndex,
      slope0_500: spec.slope0to500,
      slope500_1500: spec.slope500to1500,
      spectralFlux: spec.flux,
      mfcc1: spec.mfcc[0],
      mfcc2: spec.mfcc[1],
      mfcc3: spec.mfcc[2],
      mfcc4: spec.mfcc[3],
      F1_Hz: formants.frequencies[0] ?? 0,
      F2_Hz: formants.frequencies[1] ?? 0,
      F3_Hz: formants.frequencies[2] ?? 0,
      F1_bandwidth_Hz: formants.f1Bandwidth,
      speech: speech ? 1 : 0,
      filledPause: filled ? 1 : 0,
    };
  }

  /** Pulses of the 10 ms hop owned by frame k, fed to the file-level and local accumulators. */
  private trackPulses(k: number, f0: number): void {
    const start = k * HOP - HOP / 2;
    const found = this.pulses.track((i) => this.ring.at(i), start, start + HOP, f0, FS);
    for (const p of found) {
      if (this.lastPulse !== null && p.position > this.lastPulse) {
        const period = (p.position - this.lastPulse) / FS;
        this.fileJitter.add(period);
        this.fileShimmer.add(p.amplitude, period);
        this.recent.push({ time: p.position / FS, period, amplitude: p.amplitude });
      }
      this.lastPulse = p.position;
    }
  }

  private localPerturbation(time: number): [number, number] {
    while (this.recent.length > 0 && this.recent[0]!.time < time - LOCAL_PERIOD_SPAN) this.recent.shift();
    const j = new JitterAccumulator();
    const s = new ShimmerAccumulator();
    for (const r of this.recent) {
      j.add(r.period);
      s.add(r.amplitude, r.period);
    }
    return [j.value(), s.value()];
  }
}

/** NaN/Infinity samples (broken decoders) become 0 so they cannot poison every descriptor. */
function sanitize(pcm: Float32Array): Float32Array {
  for (let i = 0; i < pcm.length; i++) {
    if (!Number.isFinite(pcm[i]!)) {
      const copy = pcm.slice();
      for (let j = i; j < copy.length; j++) if (!Number.isFinite(copy[j]!)) copy[j] = 0;
      return copy;
    }
  }
  return pcm;
}

/** Whole-signal convenience: frames and summary of one in-memory mono buffer. */
export function extractAudioFeatures(
  pcm: Float32Array,
  sampleRate: number,
): { frames: AudioFrame[]; summary: AudioSummary } {
  let peak = 0;
  for (const v of pcm) if (Math.abs(v) > peak) peak = Math.abs(v);
  const ex = new AudioFeatureExtractor({ sampleRate, globalPeak: peak });
  const frames = ex.push(pcm);
  frames.push(...ex.flush());
  return { frames, summary: ex.summary() };
}
