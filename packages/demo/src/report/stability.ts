/**
 * How much the demo model's estimate moved when the same speech was analysed again, as measured
 * by `npm run bench -- --only agreement` (bench/RESULTS.md, "Same media, same rows; test–retest"),
 * in points of 100, the largest over the clips measured:
 * - TAKE_SPREAD_POINTS: max − min of the fused estimate over live takes of one recording;
 * - SEGMENT_SPREAD_POINTS: the difference between the two halves of one recording.
 * test/node/stability-constant.test.ts fails when bench/results.json says otherwise, so the
 * sentence a candidate reads cannot drift from the measurement.
 */
export const TAKE_SPREAD_POINTS = 21;
export const SEGMENT_SPREAD_POINTS = 15;
