/**
 * How much the demo model's estimate moved between takes of the same recording, as measured by
 * `npm run bench -- --only agreement` (bench/RESULTS.md, "Same media, same rows; test–retest"):
 * the largest max − min of the fused estimate over live takes of one clip, in points of 100.
 * test/node/stability-constant.test.ts fails when bench/results.json says otherwise, so the
 * sentence a candidate reads cannot drift from the measurement.
 */
export const TAKE_SPREAD_POINTS = 16;
