import { blendshapeIndex, type BlendshapeName } from './blendshapes.ts';

/**
 * Action-unit proxies from MediaPipe blendshapes.
 *
 * OpenFace (used by the HireNet paper) regresses FACS action units directly; MediaPipe gives
 * ARKit-style blendshapes instead. Each AU below is the blendshape whose facial movement best
 * matches the FACS description. They are proxies: same muscles, not the same calibration, and
 * intensities are on the blendshape scale [0, 1], not OpenFace's 0–5.
 *
 * | AU   | FACS name            | source                                    | presence ≥ |
 * |------|----------------------|-------------------------------------------|-----------|
 * | AU01 | inner brow raiser    | browInnerUp (unsided)                     | 0.30 |
 * | AU02 | outer brow raiser    | browOuterUp{Left,Right}                   | 0.30 |
 * | AU04 | brow lowerer         | browDown{Left,Right}                      | 0.30 |
 * | AU05 | upper lid raiser     | eyeWide{Left,Right}                       | 0.30 |
 * | AU06 | cheek raiser         | cheekSquint{Left,Right}                   | 0.30 |
 * | AU07 | lid tightener        | eyeSquint{Left,Right}                     | 0.50 |
 * | AU09 | nose wrinkler        | noseSneer{Left,Right}                     | 0.30 |
 * | AU10 | upper lip raiser     | mouthUpperUp{Left,Right}                  | 0.30 |
 * | AU12 | lip corner puller    | mouthSmile{Left,Right}                    | 0.30 |
 * | AU14 | dimpler              | mouthDimple{Left,Right}                   | 0.20 |
 * | AU15 | lip corner depressor | mouthFrown{Left,Right}                    | 0.20 |
 * | AU17 | chin raiser          | mouthShrugLower (unsided)                 | 0.30 |
 * | AU20 | lip stretcher        | mouthStretch{Left,Right}                  | 0.20 |
 * | AU24 | lip pressor          | mouthPress{Left,Right}                    | 0.20 |
 * | AU25 | lips part            | inner-lip gap from landmarks (lips.ts)    | 0.20 |
 * | AU26 | jaw drop             | jawOpen (unsided)                         | 0.15 |
 * | AU28 | lip suck             | mean(mouthRollLower, mouthRollUpper)      | 0.30 |
 * | AU45 | blink                | eyeBlink{Left,Right}                      | 0.50 |
 *
 * Intensity of a sided AU is the mean of its left and right blendshapes; left and right are kept
 * so asymmetry (left − right) stays available. Presence is `intensity ≥ threshold`. The
 * thresholds are heuristics set where the blendshape leaves its resting range on talking-head
 * clips (eyeSquint and eyeBlink rest higher than the others); they are not calibrated against
 * human FACS coding.
 */
export interface AuSpec {
  readonly code: AuCode;
  /** Blendshapes averaged for the left side (or the only side when unsided). */
  readonly left: readonly BlendshapeName[];
  /** Blendshapes averaged for the right side; same as `left` when the AU is unsided. */
  readonly right: readonly BlendshapeName[];
  /** Presence threshold on the [0, 1] intensity. */
  readonly presence: number;
}

export const AU_CODES = [
  'AU01',
  'AU02',
  'AU04',
  'AU05',
  'AU06',
  'AU07',
  'AU09',
  'AU10',
  'AU12',
  'AU14',
  'AU15',
  'AU17',
  'AU20',
  'AU24',
  'AU25',
  'AU26',
  'AU28',
  'AU45',
] as const;

export type AuCode = (typeof AU_CODES)[number];

function sided(code: AuCode, stem: string, presence: number): AuSpec {
  return {
    code,
    left: [`${stem}Left` as BlendshapeName],
    right: [`${stem}Right` as BlendshapeName],
    presence,
  };
}

function unsided(code: AuCode, names: readonly BlendshapeName[], presence: number): AuSpec {
  return { code, left: names, right: names, presence };
}

/** AU25 has no blendshape: its value comes from landmarks (see {@link lipsApart}). */
export const AU25_PRESENCE = 0.2;

export const AU_TABLE: readonly AuSpec[] = [
  unsided('AU01', ['browInnerUp'], 0.3),
  sided('AU02', 'browOuterUp', 0.3),
  sided('AU04', 'browDown', 0.3),
  sided('AU05', 'eyeWide', 0.3),
  sided('AU06', 'cheekSquint', 0.3),
  sided('AU07', 'eyeSquint', 0.5),
  sided('AU09', 'noseSneer', 0.3),
  sided('AU10', 'mouthUpperUp', 0.3),
  sided('AU12', 'mouthSmile', 0.3),
  sided('AU14', 'mouthDimple', 0.2),
  sided('AU15', 'mouthFrown', 0.2),
  unsided('AU17', ['mouthShrugLower'], 0.3),
  sided('AU20', 'mouthStretch', 0.2),
  sided('AU24', 'mouthPress', 0.2),
  unsided('AU25', [], AU25_PRESENCE),
  unsided('AU26', ['jawOpen'], 0.15),
  unsided('AU28', ['mouthRollLower', 'mouthRollUpper'], 0.3),
  sided('AU45', 'eyeBlink', 0.5),
];

/** Per-frame AU proxies, each array in {@link AU_CODES} order. */
export interface AuFrame {
  readonly intensity: Float32Array;
  readonly presence: Uint8Array;
  readonly left: Float32Array;
  readonly right: Float32Array;
}

const RESOLVED = AU_TABLE.map((s) => ({
  spec: s,
  left: s.left.map(blendshapeIndex),
  right: s.right.map(blendshapeIndex),
}));

function meanAt(v: ArrayLike<number>, idx: readonly number[]): number {
  if (idx.length === 0) return 0;
  let s = 0;
  for (const i of idx) s += v[i] ?? 0;
  return s / idx.length;
}

/**
 * Maps a dense blendshape vector (BLENDSHAPE_NAMES order) and the landmark-based AU25 value to
 * the AU proxies.
 */
export function mapActionUnits(blendshapes: ArrayLike<number>, au25: number): AuFrame {
  const n = RESOLVED.length;
  const out: AuFrame = {
    intensity: new Float32Array(n),
    presence: new Uint8Array(n),
    left: new Float32Array(n),
    right: new Float32Array(n),
  };
  RESOLVED.forEach(({ spec, left, right }, i) => {
    const l = spec.code === 'AU25' ? au25 : meanAt(blendshapes, left);
    const r = spec.code === 'AU25' ? au25 : meanAt(blendshapes, right);
    const v = (l + r) / 2;
    out.left[i] = l;
    out.right[i] = r;
    out.intensity[i] = v;
    out.presence[i] = v >= spec.presence ? 1 : 0;
  });
  return out;
}
