/**
 * Every command's usage, in one place: `hirenet <command> --help` prints its text (main.ts), the
 * command prints the same synopsis when its arguments are wrong, and its `flags` are all the parser
 * accepts (args.ts parseCommandArgs). The synopsis names every flag, with its default as the example
 * value where it has one (test/node/cli-help.test.ts checks the names against the command's source,
 * test/node/cli-flags.test.ts the synopsis against `flags`).
 */

/**
 * How a flag is given: `value` once with a value (`--epochs 20`), `switch` alone (`--force`),
 * `repeat` with a value, as many times as wanted (`--question "Q1" --question "Q2"`).
 */
export type FlagKind = 'value' | 'switch' | 'repeat';
const VALUE = 'value';
const SWITCH = 'switch';
const REPEAT = 'repeat';

/** The words that are not flags: none, one (FILE) or any number (analyze's recordings). */
export type Operands = 'none' | 'one' | 'many';

export interface CommandUsage {
  /**
   * Every flag the command accepts: the parser (args.ts parseCommandArgs) takes exactly these,
   * and test/node/cli-flags.test.ts checks the synopsis names the same flags in the same way.
   */
  readonly flags: Readonly<Record<string, FlagKind>>;
  readonly operands: Operands;
  /** One line: what the command does. */
  readonly summary: string;
  /** `usage: hirenet …` and its continuation lines (indented); a second form starts with `       hirenet`. */
  readonly synopsis: readonly string[];
  /** More lines for --help only: what a flag means where the synopsis cannot say. */
  readonly notes?: readonly string[];
}

const MODALITY = 'audio|video|text|both|all';
/** The training flags train and ablate share. */
const TRAINING = {
  epochs: VALUE,
  'batch-size': VALUE,
  lr: VALUE,
  patience: VALUE,
  units: VALUE,
  vocab: VALUE,
  backend: VALUE,
} as const;

/** The commands main.ts runs, in the order `hirenet --help` lists them. */
export const COMMANDS = {
  analyze: {
    flags: {
      job: VALUE,
      question: REPEAT,
      out: VALUE,
      json: VALUE,
      'audio-only': SWITCH,
      model: VALUE,
      'face-model': VALUE,
      transcript: REPEAT,
    },
    operands: 'many',
    summary: 'Scores recorded answers with the browser SDK in headless Chromium: JSON summary, HTML report.',
    synopsis: [
      'usage: hirenet analyze --job "Job title" --question "Q1" [--question "Q2"]… FILE1 [FILE2]…',
      '  [--out hirenet-report.html] [--json result.json] [--audio-only] [--model DIR]',
      '  [--face-model face_landmarker.task]',
      '  [--transcript FILE]… (one per answer in order: .txt, .vtt or .json)',
    ],
    notes: [
      'One recording per question, in question order. The summary goes to stdout, the report to --out.',
      'The model comes from --model, else $HIRENET_MODEL_DIR, else the demo model the SDK ships.',
      'Scores are model estimates for practice and research, never a hiring decision.',
    ],
  },
  assets: {
    flags: { out: VALUE, model: VALUE, 'face-model': VALUE, bundle: SWITCH },
    operands: 'none',
    summary: 'Copies the files a browser session loads (model, vocabulary, wasm, workers) into a site.',
    synopsis: ['usage: hirenet assets --out DIR [--model DIR] [--face-model face_landmarker.task] [--bundle]'],
    notes: [
      'DIR is a folder the site serves, e.g. public/hirenet (docs/packaging.md).',
      '--bundle also copies the one-file SDK (hirenet-sdk.js), for a page without a bundler.',
    ],
  },
  manifest: {
    flags: { model: VALUE, vocab: VALUE },
    operands: 'none',
    summary: "Writes a model's asset manifest (sha256 of every file) and prints the identity hosts pin.",
    synopsis: ['usage: hirenet manifest --model DIR [--vocab DIR]'],
    notes: ['Writes DIR/manifest.json and prints its sha256 (HireNet.create({ manifestSha256 })).'],
  },
  features: {
    flags: {},
    operands: 'one',
    summary: 'Per-frame descriptors from a media file: audio (prosody) or video (face).',
    synopsis: ['usage: hirenet features <audio|video> FILE [options]'],
    notes: [
      'audio: eGeMAPS-style prosody descriptors (hirenet features audio --help)',
      'video: face action-unit proxies, head pose and gaze (hirenet features video --help)',
    ],
  },
  simulate: {
    flags: {
      out: VALUE,
      interviews: VALUE,
      seed: VALUE,
      modalities: VALUE,
      'label-noise': VALUE,
      answers: VALUE,
      windows: VALUE,
      'event-windows': VALUE,
      missing: VALUE,
      'hirable-rate': VALUE,
      'event-strength': VALUE,
      force: SWITCH,
      variant: VALUE,
      take: VALUE,
    },
    operands: 'none',
    summary: 'Writes SimInterview, a synthetic dataset with planted events (docs/siminterview.md).',
    synopsis: [
      'usage: hirenet simulate --out DIR --interviews K [--seed 1]',
      '  [--modalities audio,video,text] [--label-noise 0.1] [--answers 1-6] [--windows 40-240]',
      '  [--event-windows 2-16] [--missing 0.05] [--hirable-rate 0.475] [--event-strength 1] [--force]',
      '  [--variant cooccur|xor|shifted] [--take N]',
    ],
    notes: [
      '--modalities defaults to audio,video. --force overwrites an existing DIR.',
      '--variant picks a two-feature world (docs/attention-localisation.md; its preset sets --event-windows 4-12);',
      '--take N writes a re-take of the same interviews (other phase, edge windows, dropped windows and gain).',
    ],
  },
  train: {
    flags: {
      data: VALUE,
      modality: VALUE,
      out: VALUE,
      variant: VALUE,
      ...TRAINING,
      seed: VALUE,
      normalize: VALUE,
      noise: VALUE,
      select: VALUE,
      'attention-entropy': VALUE,
      'query-scale': VALUE,
      augment: VALUE,
      'weight-decay': VALUE,
      'word-dropout': VALUE,
      'length-input': VALUE,
      'start-margin': VALUE,
      'validation-fraction': VALUE,
      'test-fraction': VALUE,
      'group-by': VALUE,
    },
    operands: 'none',
    summary: 'Trains a HireNet model on a hirenet-dataset/1 directory (docs/dataset-format.md).',
    synopsis: [
      `usage: hirenet train --data DIR --modality ${MODALITY} --out DIR`,
      '  [--variant hirenet|hn_satt|hn_avg|bigru] [--epochs 20] [--batch-size 16] [--lr 0.003] [--patience 6]',
      '  [--units 16] [--seed 1] [--normalize answer|none] [--noise 0.5] [--select f1|auc]',
      '  [--attention-entropy 0] [--query-scale 1] [--augment takes|none] [--weight-decay λ]',
      '  [--word-dropout p] [--length-input on|off] [--start-margin k] [--validation-fraction f]',
      '  [--test-fraction f] [--group-by FIELD] [--vocab DIR] [--backend wasm|cpu]',
    ],
    notes: [
      '`both` trains audio and video and fuses them; `all` every modality the dataset lists.',
      'The text modality has its own defaults for noise, weight decay and word dropout (docs/text.md).',
    ],
  },
  eval: {
    flags: {
      data: VALUE,
      model: VALUE,
      json: SWITCH,
      threshold: VALUE,
      'label-field': VALUE,
      against: VALUE,
      backend: VALUE,
    },
    operands: 'none',
    summary: 'Scores a dataset with a model: precision, recall, F1 (hirable class), AUC, attention hits.',
    synopsis: [
      'usage: hirenet eval --data DIR --model PATH [--json] [--threshold 0.5] [--label-field label]',
      '  [--against TAKE_DIR] [--backend wasm|cpu]',
    ],
    notes: [
      'Attention against the planted events is reported when the data has them (SimInterview).',
      '--against scores a re-take of the same interviews (hirenet simulate --take N): the spread between takes.',
    ],
  },
  predict: {
    flags: { data: VALUE, model: VALUE, out: VALUE, backend: VALUE },
    operands: 'none',
    summary: 'Writes one JSON line per interview: score, question and answer attention.',
    synopsis: ['usage: hirenet predict --data DIR --model PATH --out FILE [--backend wasm|cpu]'],
    notes: ['Its output is what hirenet audit --scores reads.'],
  },
  ablate: {
    flags: {
      data: VALUE,
      modality: VALUE,
      seeds: VALUE,
      'first-seed': VALUE,
      out: VALUE,
      models: VALUE,
      ...TRAINING,
      'bow-k': VALUE,
      'bow-sample': VALUE,
      merge: VALUE,
    },
    operands: 'none',
    summary: "The paper's ablation tables (3 and 4) on one dataset: mean ± std over seeds.",
    synopsis: [
      `usage: hirenet ablate --data DIR [--modality ${MODALITY}] [--seeds 3] [--first-seed 1] [--out ablation]`,
      '  [--models nonseq,bow,bigru,hn_avg,hn_satt,hirenet,early,late] [--epochs 20] [--units 32]',
      '  [--batch-size 16] [--lr 0.003] [--patience 6] [--bow-k 64] [--bow-sample 10000] [--vocab DIR]',
      '  [--backend wasm|cpu]',
      '       hirenet ablate --merge A/ablation.json,B/ablation.json [--out ablation]',
    ],
    notes: [
      'Non-sequential and bag-of-words baselines, BiGRU, HN_AVG, HN_SATT, HireNet, early and late fusion;',
      'writes markdown and JSON to --out (docs/ablation/). --modality defaults to both.',
      '--merge joins runs made on the same dataset into one table.',
    ],
  },
  audit: {
    flags: { data: VALUE, scores: VALUE, json: VALUE, md: VALUE, alpha: VALUE, 'keep-small-reference': SWITCH },
    operands: 'none',
    summary: 'Scoring rates and impact ratios per self-reported group, NYC LL144-style (docs/audit.md).',
    synopsis: [
      'usage: hirenet audit --data DIR --scores FILE [--json OUT] [--md OUT] [--alpha 0.05] [--keep-small-reference]',
    ],
    notes: ['The markdown report goes to stdout unless --md is given.'],
  },
  reference: {
    flags: { seed: VALUE, out: VALUE, backend: VALUE },
    operands: 'none',
    summary: 'Writes a random-weight model with inputs and outputs to check a forward pass against.',
    synopsis: ['usage: hirenet reference --seed N --out FILE [--backend cpu|wasm]'],
    notes: ['One padded batch of uneven interviews, written so anyone can recompute it (docs/weight-contract.md).'],
  },
} as const satisfies Record<string, CommandUsage>;

export type CommandName = keyof typeof COMMANDS;

/** `hirenet features <modality>`: each has its own flags. */
export const FEATURE_MODALITIES = {
  audio: {
    flags: { csv: VALUE, summary: SWITCH },
    operands: 'one',
    summary:
      'eGeMAPS-style prosody descriptors of an audio or video file: a per-frame CSV and/or a JSON summary ' +
      '(docs/audio-features.md).',
    synopsis: ['usage: hirenet features audio FILE [--csv OUT|-] [--summary]'],
    notes: ['Without --csv the summary goes to stdout; --csv - writes the CSV to stdout instead.'],
  },
  video: {
    flags: { csv: VALUE, 'windows-csv': VALUE, fps: VALUE, model: VALUE, pose: VALUE },
    operands: 'one',
    summary:
      'Face blendshapes → action-unit proxies, head pose and gaze per frame, via headless Chromium and ' +
      'MediaPipe (docs/face-features.md).',
    synopsis: [
      'usage: hirenet features video FILE [--csv OUT] [--windows-csv OUT] [--fps 15]',
      '  [--model face_landmarker.task] [--pose pose_landmarker_lite.task]',
    ],
    notes: ['Without --csv the per-frame CSV goes to stdout. --pose adds posture columns to the windows.'],
  },
} as const satisfies Record<string, CommandUsage>;

export type FeatureModality = keyof typeof FEATURE_MODALITIES;

/** A command (`train`) or a features modality (`features video`). */
export type UsageTopic = CommandName | `features ${FeatureModality}`;

/** A command's or a features modality's usage: its flags, operands and text. */
export function usageOf(topic: UsageTopic): CommandUsage {
  if (topic.startsWith('features ')) return FEATURE_MODALITIES[topic.slice(9) as FeatureModality];
  return COMMANDS[topic as CommandName];
}

/** The synopsis as printed on stderr when a command's arguments are wrong (ends in a newline). */
export function usageText(topic: UsageTopic): string {
  return `${usageOf(topic).synopsis.join('\n')}\n`;
}

/** The synopsis on one line, for a typed error's message (main.ts prints errors as one line). */
export function usageLine(topic: UsageTopic): string {
  return usageOf(topic)
    .synopsis.map((l) => l.trim())
    .join(' ');
}

/** `hirenet <topic> --help`: the synopsis, what the command does, and the notes. */
export function helpText(topic: UsageTopic): string {
  const e = usageOf(topic);
  const notes = e.notes === undefined ? '' : `\n${e.notes.join('\n')}\n`;
  return `${e.synopsis.join('\n')}\n\n${e.summary}\n${notes}`;
}

/** `hirenet --help`: every command with its one-line summary. */
export function commandList(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((n) => n.length));
  return [
    'usage: hirenet <command> [options]',
    '',
    'commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary}`),
    '',
    'hirenet <command> --help (or -h, or hirenet help <command>) prints its flags.',
    '',
  ].join('\n');
}
