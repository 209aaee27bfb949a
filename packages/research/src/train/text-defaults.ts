/**
 * Training defaults of the text modality (docs/text.md, "Small sets"). Word vectors are not
 * standardised descriptors: take augmentation models a retake of voice and face and does not apply,
 * and input noise of 0.5 would be about the spread of a vector component itself. Word dropout and
 * weight decay do the regularising instead.
 */
export const TEXT_TRAIN = {
  inputNoise: 0.1,
  rowDropout: 0.1,
  weightDecay: 1e-4,
  /**
   * Answer length ℓ beside the interview vector, the model starting as the length model
   * (length-init.ts): on FI V2 pilots of 100–200 clips the paper's model is at chance while the
   * word count alone carries r ≈ 0.25 (docs/text.md, "Answer length").
   */
  lengthInput: true,
  /**
   * An epoch must beat the length start's validation AUC by 2 standard errors to replace it
   * (trainer.ts): on a 25-interview split (SE ≈ 0.1) a lucky epoch otherwise replaces the one signal
   * the set carries by a memorised one; on 1,600 (SE ≈ 0.014) a real gain still counts.
   */
  startMargin: 2,
} as const;

/** Below this many interviews a text model's training carves out no test split (see splitFractions). */
export const SMALL_SET = 300;

/**
 * Validation and test fractions for `hirenet train`. A small set (a 100–200-interview pilot,
 * or one fold of a cross-validation whose test fold is held out by the caller) keeps every
 * interview for training and early stopping: 80/20, no test. Larger sets: the paper's 80/10/10.
 */
export function splitFractions(n: number, validation?: number, test?: number): [number, number] {
  const small = n < SMALL_SET;
  const v = validation ?? (small ? 0.2 : 0.1);
  const t = test ?? (small ? 0 : 0.1);
  return [1 - v - t, v];
}
