import type { AuditRecord } from '../join.ts';

/**
 * Test fixture (audit tests and docs/audit.md): 60 candidates with hand-chosen scores. Six score exactly 0.5, the
 * median, so the "strictly
 * above" rule is visible: ≥ would count 34 above instead of 28.
 *
 *   group                      n   scores                                         above  at 0.5
 *   Female | White            12   .9 .8 .7 .7 .6 .55 | .5 .5 | .4 .3 .2 .1          6      2
 *   Female | Black            10   .9 .6 | .5 | .45 .4 .3 .3 .2 .1 .1                2      1
 *   Female | Asian             6   .8 .7 .6 | .5 | .3 .2                             3      1
 *   Male   | White            14   .95 .9 .85 .8 .75 .7 .65 .6 .55 | .5 | .4 .3 .2 .1 9      1
 *   Male   | Black             8   .9 .8 .7 .6 | .5 | .3 .2 .1                       4      1
 *   Male   | "Hispanic"        4   .7 .6 | .4 .2                                     2      0
 *   Male   | Native Hawaiian…  1   .99                                               1      0   (1/60 < 2 %)
 *   "Prefer not to say"|White  2   .8 | .3                                           1      0   (sex unknown)
 *   Female | (no race)         2   .4 .2                                             0      0   (race unknown)
 *   (no group)                 1   .1                                                0      0
 *
 * 26 scores lie below 0.5, so sorted ascending the 27th–32nd are the six 0.5s and the median
 * (mean of the 30th and 31st) is 0.5; 28 score above it.
 */
const TABLE: [sex: string | undefined, race: string | undefined, scores: number[]][] = [
  ['Female', 'White', [0.9, 0.8, 0.7, 0.7, 0.6, 0.55, 0.5, 0.5, 0.4, 0.3, 0.2, 0.1]],
  ['Female', 'Black or African American', [0.9, 0.6, 0.5, 0.45, 0.4, 0.3, 0.3, 0.2, 0.1, 0.1]],
  ['Female', 'Asian', [0.8, 0.7, 0.6, 0.5, 0.3, 0.2]],
  ['Male', 'White', [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1]],
  ['Male', 'Black or African American', [0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.2, 0.1]],
  ['Male', 'Hispanic', [0.7, 0.6, 0.4, 0.2]],
  ['Male', 'Native Hawaiian or Other Pacific Islander', [0.99]],
  ['Prefer not to say', 'White', [0.8, 0.3]],
  ['Female', undefined, [0.4, 0.2]],
];

export function handDataset(): AuditRecord[] {
  const records: AuditRecord[] = TABLE.flatMap(([sex, race, scores], g) =>
    scores.map((score, i) => ({ id: `g${g}-${i}`, score, sex, race })),
  );
  records.push({ id: 'nogroup', score: 0.1 });
  return records;
}
