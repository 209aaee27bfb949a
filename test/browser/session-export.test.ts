import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, repoRoot, sharedMissing, withPage } from './harness/index.ts';
import { consentAndAnswer } from './session-api-run.ts';
import { cleanWorkDir, CLIP, FACE_MODEL, fakeMedia, sessionAssets, workDir } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[session-export] ${missing}`);

const SESSIONS = 10;

describe.skipIf(missing !== undefined)('export → train → eval on sessions recorded in Chromium', () => {
  afterAll(async () => {
    await closeHarness();
    cleanWorkDir();
  });

  it(`${SESSIONS} browser sessions exported as hirenet-dataset/1 train and evaluate with the CLI`, async () => {
    const assets = sessionAssets();
    const exported = await withPage(
      'session/session.html',
      async (h) => {
        const out: { manifest: unknown; line: string }[] = [];
        for (let k = 0; k < SESSIONS; k++) {
          const r = await h.run<{
            fatal?: unknown;
            out: { step: string; dataset?: { manifest: unknown; line: string } }[];
          }>({
            assets,
            questions: 2,
            steps: consentAndAnswer(
              [
                { index: 0, seconds: 2 },
                { index: 1, seconds: 1.5 },
              ],
              { do: 'export', label: (k % 2) as 0 | 1 },
              { do: 'deleteAll' },
            ),
          });
          expect(r.fatal).toBeUndefined();
          out.push(r.out.find((o) => o.step === 'export')!.dataset!);
        }
        return out;
      },
      { fakeMedia: fakeMedia() },
    );
    const dir = join(workDir(), 'exported');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(exported[0]!.manifest, null, 2));
    writeFileSync(join(dir, 'interviews.jsonl'), exported.map((e) => e.line).join(''));
    // Every session exports the same manifest (same SDK, same schemas).
    for (const e of exported) expect(e.manifest).toEqual(exported[0]!.manifest);
    const cli = join(repoRoot, 'packages/cli/bin/hirenet.js');
    const modelDir = join(workDir(), 'exported-model');
    execFileSync(
      process.execPath,
      [cli, 'train', '--data', dir, '--modality', 'both', '--out', modelDir, '--units', '4', '--epochs', '2'],
      { stdio: 'pipe' },
    );
    const evalOut = execFileSync(process.execPath, [cli, 'eval', '--data', dir, '--model', modelDir, '--json'], {
      encoding: 'utf8',
    });
    const metrics = JSON.parse(evalOut.trim().split('\n').pop()!) as { n: number; auc: number };
    console.log(
      `[session-export] ${SESSIONS} exported sessions → trained fusion model → eval ${JSON.stringify(metrics)}`,
    );
    expect(metrics.n).toBe(SESSIONS);
    expect(metrics.auc).toBeGreaterThanOrEqual(0);
    expect(metrics.auc).toBeLessThanOrEqual(1);
  });
});
