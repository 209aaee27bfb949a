import { join } from 'node:path';
import type { UsageTopic } from '../../packages/cli/src/usage.ts';

/**
 * Arguments that would make each command do its work, writing under `dir`: the CLI tests add what must stop it
 * first (`--help`, an unknown flag) and check that nothing was written.
 */
export function workArgs(dir: string, topic: UsageTopic): string[] {
  const out = join(dir, 'out');
  const data = join(dir, 'data');
  const byTopic: Record<UsageTopic, string[]> = {
    analyze: ['--job', 'J', '--question', 'Q', join(dir, 'a.webm'), '--out', `${out}.html`],
    assets: ['--out', out],
    manifest: ['--model', out],
    features: ['audio', join(dir, 'a.wav'), '--csv', `${out}.csv`],
    'features audio': [join(dir, 'a.wav'), '--csv', `${out}.csv`],
    'features video': [join(dir, 'a.webm'), '--csv', `${out}.csv`],
    simulate: ['--out', out, '--interviews', '3', '--seed', '1'],
    train: ['--data', data, '--modality', 'audio', '--out', out, '--epochs', '1'],
    eval: ['--data', data, '--model', out],
    predict: ['--data', data, '--model', out, '--out', `${out}.jsonl`],
    ablate: ['--data', data, '--out', out],
    audit: ['--data', data, '--scores', `${out}.jsonl`, '--md', `${out}.md`],
    reference: ['--seed', '1', '--out', `${out}.json`],
  };
  return byTopic[topic];
}
