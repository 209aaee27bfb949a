/**
 * The 52 blendshape categories of MediaPipe Face Landmarker (face_blendshapes.tflite), in the
 * model's output order. Left/Right follow MediaPipe's naming; a horizontally mirrored image swaps
 * them (checked by the mirror test), so keep them paired rather than relabelling sides.
 */
export const BLENDSHAPE_NAMES = [
  '_neutral',
  'browDownLeft',
  'browDownRight',
  'browInnerUp',
  'browOuterUpLeft',
  'browOuterUpRight',
  'cheekPuff',
  'cheekSquintLeft',
  'cheekSquintRight',
  'eyeBlinkLeft',
  'eyeBlinkRight',
  'eyeLookDownLeft',
  'eyeLookDownRight',
  'eyeLookInLeft',
  'eyeLookInRight',
  'eyeLookOutLeft',
  'eyeLookOutRight',
  'eyeLookUpLeft',
  'eyeLookUpRight',
  'eyeSquintLeft',
  'eyeSquintRight',
  'eyeWideLeft',
  'eyeWideRight',
  'jawForward',
  'jawLeft',
  'jawOpen',
  'jawRight',
  'mouthClose',
  'mouthDimpleLeft',
  'mouthDimpleRight',
  'mouthFrownLeft',
  'mouthFrownRight',
  'mouthFunnel',
  'mouthLeft',
  'mouthLowerDownLeft',
  'mouthLowerDownRight',
  'mouthPressLeft',
  'mouthPressRight',
  'mouthPucker',
  'mouthRight',
  'mouthRollLower',
  'mouthRollUpper',
  'mouthShrugLower',
  'mouthShrugUpper',
  'mouthSmileLeft',
  'mouthSmileRight',
  'mouthStretchLeft',
  'mouthStretchRight',
  'mouthUpperUpLeft',
  'mouthUpperUpRight',
  'noseSneerLeft',
  'noseSneerRight',
] as const;

export type BlendshapeName = (typeof BLENDSHAPE_NAMES)[number];

/** Blendshape scores by name; a missing name reads as 0. */
export type BlendshapeScores = Readonly<Partial<Record<BlendshapeName, number>>>;

const INDEX = new Map<string, number>(BLENDSHAPE_NAMES.map((n, i) => [n, i]));

/** Index of a blendshape in {@link BLENDSHAPE_NAMES}, or -1. */
export function blendshapeIndex(name: string): number {
  return INDEX.get(name) ?? -1;
}

/**
 * Orders MediaPipe's `{categoryName, score}` list into a dense vector in {@link BLENDSHAPE_NAMES}
 * order, by name rather than position so a reordered model output cannot shift columns.
 */
export function blendshapeVector(
  categories: readonly { readonly categoryName: string; readonly score: number }[],
): Float32Array {
  const out = new Float32Array(BLENDSHAPE_NAMES.length);
  for (const c of categories) {
    const i = INDEX.get(c.categoryName);
    if (i !== undefined) out[i] = c.score;
  }
  return out;
}

/** Pairs `[xLeft, xRight]` of every sided blendshape (20 pairs). */
export const BLENDSHAPE_PAIRS: readonly (readonly [BlendshapeName, BlendshapeName])[] = BLENDSHAPE_NAMES.filter((n) =>
  n.endsWith('Left'),
).map((left) => {
  const right = `${left.slice(0, -4)}Right` as BlendshapeName;
  return [left, right] as const;
});
