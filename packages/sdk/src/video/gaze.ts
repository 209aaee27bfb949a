import { blendshapeIndex } from './blendshapes.ts';

/**
 * Gaze direction from the eyeLook* blendshapes, both eyes pooled, each axis in [−1, 1]:
 * gazeX > 0 looks toward the image's right, gazeY > 0 looks up. Relative to the head, not to
 * the camera: add head yaw/pitch for where the person looks in the scene.
 *
 * Which eye MediaPipe calls "Left" was measured, not assumed (see docs/face-features.md): in
 * tasks-vision 1.1.0 the eye{Blink,…}Left scores follow the eye on the image's right in an
 * unmirrored frame, i.e. the person's own left eye. So looking toward the image's right is the
 * left eye looking out and the right eye looking in.
 */
export interface Gaze {
  readonly gazeX: number;
  readonly gazeY: number;
}

const I = {
  inL: blendshapeIndex('eyeLookInLeft'),
  inR: blendshapeIndex('eyeLookInRight'),
  outL: blendshapeIndex('eyeLookOutLeft'),
  outR: blendshapeIndex('eyeLookOutRight'),
  upL: blendshapeIndex('eyeLookUpLeft'),
  upR: blendshapeIndex('eyeLookUpRight'),
  downL: blendshapeIndex('eyeLookDownLeft'),
  downR: blendshapeIndex('eyeLookDownRight'),
};

/** Set by the sidedness measurement; flip if a MediaPipe release changes its naming. */
export const LEFT_IS_IMAGE_RIGHT = true;

/** Gaze from a dense blendshape vector in BLENDSHAPE_NAMES order. */
export function gazeFromBlendshapes(b: ArrayLike<number>): Gaze {
  const v = (i: number): number => b[i] ?? 0;
  const towardLeftEyeSide = (v(I.outL) + v(I.inR)) / 2;
  const towardRightEyeSide = (v(I.inL) + v(I.outR)) / 2;
  const x = towardLeftEyeSide - towardRightEyeSide;
  return {
    gazeX: LEFT_IS_IMAGE_RIGHT ? x : -x,
    gazeY: (v(I.upL) + v(I.upR)) / 2 - (v(I.downL) + v(I.downR)) / 2,
  };
}
