/**
 * AU25 (lips part) from Face Landmarker's 478 landmarks. No blendshape measures lip separation
 * directly (jawOpen moves the jaw; mouthClose is lips touching *while* the jaw is open), so we
 * measure the inner-lip gap and scale it by the eye span so it does not depend on distance to
 * the camera.
 *
 * Landmarks (canonical face mesh indices): 13 = upper inner lip centre, 14 = lower inner lip
 * centre, 33 and 263 = outer eye corners. Landmark x and y are normalised by image width and
 * height, so they are converted to pixels first; otherwise non-square frames distort the ratio.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
  readonly z?: number;
}

export const UPPER_INNER_LIP = 13;
export const LOWER_INNER_LIP = 14;
export const EYE_OUTER_A = 33;
export const EYE_OUTER_B = 263;

/** Gap ÷ eye span at which AU25 intensity saturates at 1 (a wide-open mouth while talking). */
export const LIP_GAP_FULL = 0.25;

/** Inner-lip gap as a fraction of the outer-eye-corner span; NaN when landmarks are missing. */
export function lipGapRatio(landmarks: readonly Point[], width: number, height: number): number {
  const u = landmarks[UPPER_INNER_LIP];
  const l = landmarks[LOWER_INNER_LIP];
  const a = landmarks[EYE_OUTER_A];
  const b = landmarks[EYE_OUTER_B];
  if (!u || !l || !a || !b) return Number.NaN;
  const gap = Math.hypot((u.x - l.x) * width, (u.y - l.y) * height);
  const span = Math.hypot((a.x - b.x) * width, (a.y - b.y) * height);
  return span > 0 ? gap / span : Number.NaN;
}

/** AU25 intensity in [0, 1]: the lip-gap ratio over {@link LIP_GAP_FULL}, clipped. 0 if unknown. */
export function lipsApart(landmarks: readonly Point[], width: number, height: number): number {
  const r = lipGapRatio(landmarks, width, height);
  if (!Number.isFinite(r)) return 0;
  return Math.min(1, Math.max(0, r / LIP_GAP_FULL));
}
