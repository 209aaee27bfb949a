/**
 * The agreement section alone, without rewriting bench/results.json or RESULTS.md (other work may
 * own those): runs benchAgreement as `npm run bench -- --only agreement` does and writes its result
 * as JSON to the path given, printing the live-vs-file r per clip and modality.
 *
 *   node --conditions=source --import tsx bench/lib/agreement-run.ts out.json [clip …]
 */
import { writeFileSync } from 'node:fs';
import { AGREEMENT_CLIPS, benchAgreement } from './agreement.ts';
import type { Modality } from './agreement-figures.ts';

const [out, ...clips] = process.argv.slice(2);
if (out === undefined) throw new Error('usage: agreement-run.ts out.json [clip …]');
const log = (m: string): void => void process.stderr.write(`${m}\n`);
const result = await benchAgreement(
  { clips: clips.length > 0 ? clips : AGREEMENT_CLIPS, takes: 3, scale: '480:480' },
  log,
);
writeFileSync(out, JSON.stringify(result, null, 1));
for (const c of result.clips) {
  if ('error' in c) {
    console.log(`${c.clip}: error ${c.error}`);
    continue;
  }
  const show = (m: Modality): string => {
    const f = c[m];
    if (f === null) return `${m} –`;
    const takes = f.takes.map((t) => `${t.medianR.toFixed(3)}@${t.startSeconds?.toFixed(2) ?? '?'}s`).join(', ');
    const worst = f.worst.map((w) => `${w.feature} ${w.r.toFixed(2)}`).join(', ');
    return `${m} ${f.medianR.toFixed(3)} (${takes}; worst ${worst})`;
  };
  console.log(`${c.clip}: ${show('audio')}\n  ${show('video')}`);
}
console.log(`load ${result.load.start.join(' ')} → ${result.load.end.join(' ')}, ${result.seconds} s`);
