/**
 * Plain-language wording of the SDK's cue codes. Each says what could be seen or heard in the
 * moment compared with the rest of the answer — a movement or a sound, never a feeling or a
 * trait (the EU AI Act prohibits emotion recognition at work, and the model cannot read one).
 */
import type { Cue, CueCode } from '@hirenet/sdk';

const TEXT: Record<CueCode, string> = {
  pause: 'a pause — less speech than in the rest of the answer',
  'filled pause': 'a filled pause (an “uh”/“um”-like sound)',
  'pitch flat': 'flatter pitch than in the rest of the answer',
  'pitch varied': 'more varied pitch than in the rest of the answer',
  louder: 'louder voice',
  quieter: 'quieter voice',
  'eyes closed longer': 'eyes closed for longer (AU45)',
  'lips pressed': 'lips pressed together (AU24)',
  'lips stretched': 'lips stretched sideways (AU20)',
  'jaw still': 'jaw moved less (AU26)',
  smile: 'lip corners pulled up (AU12)',
  'brows raised': 'inner brows raised (AU01)',
  'brows lowered': 'brows lowered (AU04)',
  'gaze away': 'eyes turned away from the camera',
  'head turned': 'head turned to one side',
  'head still': 'head held stiller',
  'hand near face': 'a hand near the face more often',
  'shoulders tilted': 'shoulder line further from level',
  'leaning toward camera': 'closer to the camera (shoulders wider in the picture)',
  'leaning away': 'further from the camera (shoulders narrower in the picture)',
  'hands moving': 'visible hands moving faster',
  'out of frame': 'shoulders out of the picture more often',
};

const fmt = (v: number): string => (Math.abs(v) >= 10 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(2));

export function cueText(c: Cue): string {
  return TEXT[c.code];
}

/** The numbers behind a cue, for a candidate who wants to check it against the tracks. */
export function cueDetail(c: Cue): string {
  return `${c.feature}: ${fmt(c.moment)} in the moment vs ${fmt(c.rest)} in the rest of the answer (${c.modality})`;
}
