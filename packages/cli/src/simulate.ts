import { stderr } from 'node:process';
import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { resolveSimConfig, SIM_DEFAULTS, type IntRange } from '@hirenet/research/internal/sim/config';
import { isSimVariant, SIM_VARIANTS, VARIANT_PRESETS } from '@hirenet/research/internal/sim/variants';
import { writeSimDataset } from '@hirenet/research/internal/sim/writer';
import { intFlag, parseCommandArgs } from './args.ts';
import { usageText } from './usage.ts';

const USAGE = usageText('simulate');

function numberFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new HireNetError('usage', `--${name} must be a number, got ${raw}`);
  return value;
}

/** `6` or `40-240`. */
function rangeFlag(flags: Map<string, string>, name: string, fallback: IntRange): IntRange {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const m = /^(\d+)(?:-(\d+))?$/.exec(raw.trim());
  if (m === null) throw new HireNetError('usage', `--${name} must be N or MIN-MAX, got ${raw}`);
  const min = Number(m[1]);
  return { min, max: m[2] === undefined ? min : Number(m[2]) };
}

function modalitiesFlag(flags: Map<string, string>): { modalities: Modality[]; text: boolean } {
  const raw = flags.get('modalities');
  if (raw === undefined) return { modalities: [...SIM_DEFAULTS.modalities], text: false };
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const name of names) {
    if (name !== 'audio' && name !== 'video' && name !== 'text')
      throw new HireNetError('usage', `--modalities takes audio, video and/or text, got ${name}`);
  }
  return { modalities: names.filter((n) => n !== 'text') as Modality[], text: names.includes('text') };
}

function formatBytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : `${(n / 1e6).toFixed(1)} MB`;
}

export async function runSimulate(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('simulate', args);
  const out = flags.get('out');
  if (out === undefined) {
    stderr.write(USAGE);
    return 2;
  }
  const variant = flags.get('variant');
  if (variant !== undefined && !isSimVariant(variant))
    throw new HireNetError('usage', `--variant takes ${SIM_VARIANTS.join('|')}, got ${variant}`);
  const preset = variant === undefined ? undefined : VARIANT_PRESETS[variant];
  const config = resolveSimConfig({
    seed: intFlag(flags, 'seed', 1),
    interviews: intFlag(flags, 'interviews'),
    ...modalitiesFlag(flags),
    labelNoise: numberFlag(flags, 'label-noise', SIM_DEFAULTS.labelNoise),
    hirableRate: numberFlag(flags, 'hirable-rate', SIM_DEFAULTS.hirableRate),
    answers: rangeFlag(flags, 'answers', SIM_DEFAULTS.answers),
    windows: rangeFlag(flags, 'windows', SIM_DEFAULTS.windows),
    eventWindows: rangeFlag(flags, 'event-windows', preset?.eventWindows ?? SIM_DEFAULTS.eventWindows),
    missingRate: numberFlag(flags, 'missing', SIM_DEFAULTS.missingRate),
    eventStrength: numberFlag(flags, 'event-strength', SIM_DEFAULTS.eventStrength),
    ...(variant === undefined ? {} : { variant }),
    ...(flags.has('take') ? { take: intFlag(flags, 'take') } : {}),
  });

  const started = performance.now();
  let lastReport = started;
  const interactive = stderr.isTTY === true;
  const result = await writeSimDataset(out, config, {
    overwrite: flags.has('force'),
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastReport < 2000 && p.written < p.total) return;
      lastReport = now;
      const line = [
        `simulate: ${p.written}/${p.total} interviews, ${formatBytes(p.bytes)},`,
        `${((now - started) / 1000).toFixed(1)} s`,
      ].join(' ');
      stderr.write(interactive ? `\r${line}` : `${line}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (interactive) stderr.write('\n');
  stderr.write(
    [
      `wrote ${result.interviews} interviews (${formatBytes(result.bytes)}) to ${result.dir} in`,
      `${seconds.toFixed(1)} s`,
      `(${config.variant === undefined ? '' : `variant ${config.variant}, `}${
        config.take === undefined ? '' : `take ${config.take}, `
      }seed`,
      `${config.seed}, modalities`,
      `${[...config.modalities, ...(config.text === true ? ['text'] : [])].join(',')}, label noise`,
      `${config.labelNoise})\n`,
    ].join(' '),
  );
  return 0;
}
