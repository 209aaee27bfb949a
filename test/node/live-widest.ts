/**
 * Every measured cue field at its widest printed value (shares and lean with 3 decimals, other
 * measures 1–2, negative signs where allowed): the worst case for the 1 KiB message bound.
 */
export const WIDEST_MEASURES = {
  face: { visible: 0.333, gazeOnCamera: 0.667, headMovement: 179.99 },
  posture: {
    outOfFrame: 0.333,
    shoulderTilt: 89.9,
    lean: -0.999,
    headOffset: 9.99,
    handNearFace: 0.667,
    handMovement: 99.99,
  },
  voice: {
    speaking: 0.333,
    pauses: 100,
    pauseSeconds: 599.99,
    loudness: 999.999,
    pitchVariability: 47.999,
    speakingRate: 19.99,
  },
};
