import { createWriteStream } from 'node:fs';
import { stderr } from 'node:process';
import { once } from 'node:events';
import { parseCommandArgs } from './args.ts';
import { initBackendNode } from '@hirenet/research/internal/node-backend';
import { loadModels, scoreDataset } from './scoring.ts';
import { usageText } from './usage.ts';

/**
 * `hirenet predict --data DIR --model PATH --out FILE`: one JSON line per interview,
 * `{"id","score","questionAttention","answerAttention"}` (attention over each answer's windows).
 */
export async function runPredict(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('predict', args);
  const data = flags.get('data');
  const modelPath = flags.get('model');
  const out = flags.get('out');
  if (data === undefined || modelPath === undefined || out === undefined) {
    stderr.write(usageText('predict'));
    return 2;
  }
  await initBackendNode(flags.get('backend') ?? 'wasm');
  const models = await loadModels(modelPath);
  const scored = await scoreDataset(data, models);
  models.forEach((m) => m.dispose());
  const file = createWriteStream(out);
  for (const s of scored) {
    const line = {
      id: s.id,
      score: s.score,
      questionAttention: s.questionAttention,
      answerAttention: s.answerAttention,
      ...(s.modalities ? { modalities: s.modalities } : {}),
    };
    if (!file.write(`${JSON.stringify(line)}\n`)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
  stderr.write(`wrote ${scored.length} predictions to ${out}\n`);
  return 0;
}
