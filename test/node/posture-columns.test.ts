/**
 * Posture columns beside the shipped model: the model reads its video columns by name, so the
 * same answers score identically with and without a pose model; a pilot's export with posture
 * reads back through the dataset reader and the trainer's standardiser picks the columns up.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromDir } from '@hirenet/research';
import { loadDataset } from '@hirenet/research/internal/dataset/read-node';
import { fitStandardizer } from '@hirenet/sdk/internal/model/standardize';
import { featureMetadata } from '@hirenet/sdk/internal/model/model-features';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import { buildAnswerRecord } from '@hirenet/sdk/internal/session/answer-record';
import { exportDataset } from '@hirenet/sdk/internal/session/export';
import { runModels } from '@hirenet/sdk/internal/session/scoring';
import { assertVideoColumns } from '@hirenet/sdk/internal/session/video-columns';
import type { AnswerRecord } from '@hirenet/sdk/internal/session/types';
import { mapActionUnits } from '@hirenet/sdk/internal/video/au-map';
import { BLENDSHAPE_NAMES } from '@hirenet/sdk/internal/video/blendshapes';
import { emptyFrameRow, type VideoFrameRow } from '@hirenet/sdk/internal/video/frame-row';
import { gazeFromBlendshapes } from '@hirenet/sdk/internal/video/gaze';
import { emptyPoseFrame, type BodyPoint, type PoseFrame } from '@hirenet/sdk/internal/video/pose-frame';
import { POSTURE_COLUMNS } from '@hirenet/sdk/internal/video/posture-windows';
import { WINDOW_COLUMNS } from '@hirenet/sdk/internal/video/schema';
import { mulberry32 as rng } from '@hirenet/sdk/internal/util/prng';
import { hirenet } from './run-cli.ts';

const root = join(import.meta.dirname, '../..');
let model: HireNetModel;
const dirs: string[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  model = await loadModelFromDir(join(root, 'models/hirenet-demo/video'));
});
afterAll(async () => {
  model?.dispose();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** 15 face rows per second; the face is lost for a second in the middle. */
function faceRows(seconds: number, seed: number): VideoFrameRow[] {
  const r = rng(seed);
  return Array.from({ length: Math.round(seconds * 15) }, (_, i) => {
    const time = i / 15;
    if (time >= 2 && time < 3) return emptyFrameRow(time);
    const blendshapes = Float32Array.from(BLENDSHAPE_NAMES, () => 0.4 * r());
    const pose = { yaw: 10 * r() - 5, pitch: 6 * r() - 3, roll: 4 * r() - 2, tx: r(), ty: r(), tz: -40 - r() };
    return {
      time,
      face: 1,
      blendshapes,
      au: mapActionUnits(blendshapes, 0.1 * r()),
      pose,
      gaze: gazeFromBlendshapes(blendshapes),
    } satisfies VideoFrameRow;
  });
}

const P = (x: number, y: number, v = 0.99): BodyPoint => ({ x, y, v });

/** 5 pose frames per second; nobody in frame from 4 s to 5 s; a wrist visible and moving. */
function poseFrames(seconds: number, seed: number): PoseFrame[] {
  const r = rng(seed);
  return Array.from({ length: Math.round(seconds * 5) }, (_, i) => {
    const time = i / 5;
    if (time >= 4 && time < 5) return emptyPoseFrame(time);
    return {
      ...emptyPoseFrame(time),
      found: 1,
      nose: P(0.5 + 0.02 * r(), 0.45),
      leftShoulder: P(0.7, 0.8 + 0.02 * r()),
      rightShoulder: P(0.3, 0.8),
      leftWrist: P(0.6 + 0.1 * r(), 0.7),
      rightWrist: P(0.4, 0.9),
    };
  });
}

function records(names: readonly string[], withPose: boolean): AnswerRecord[] {
  return [6, 8].map((seconds, index) =>
    buildAnswerRecord({
      index,
      seconds,
      audio: null,
      videoRows: faceRows(seconds, 7 + index),
      ...(withPose ? { poseFrames: poseFrames(seconds, 70 + index) } : {}),
      expected: { video: names },
      captureWarnings: [],
    }),
  );
}

const words = (dim: number) => ({
  jobTitle: [new Array<number>(dim).fill(0.1)],
  questions: [[new Array<number>(dim).fill(0.2)], [new Array<number>(dim).fill(-0.1)]],
});

describe('posture columns and the shipped video model', () => {
  it('reads exactly its trained columns by name: scores identical with and without pose columns', async () => {
    const names = featureMetadata(model).standardizer.names;
    expect(names).toEqual(WINDOW_COLUMNS);
    // The shipped model names no posture column: a session with a pose model is accepted.
    expect(() => assertVideoColumns(names, true)).not.toThrow();
    const without = records(names, false);
    const withPose = records(names, true);
    expect(withPose[0]!.posture?.names).toEqual([...POSTURE_COLUMNS]);
    expect(without[0]!.posture).toBeUndefined();
    // What the model reads is the same, row for row.
    expect(withPose.map((a) => a.video)).toEqual(without.map((a) => a.video));
    const models = new Map([['video' as const, model]]);
    const w = words(model.config.wordDim);
    const [a] = await runModels(models, without, w);
    const [b] = await runModels(models, withPose, w);
    expect(a!.output.score).toBeGreaterThan(0);
    expect(b!.output.score).toBe(a!.output.score);
    expect(b!.output).toEqual(a!.output);
  });

  it('a model trained with posture reads it by name and drops windows without a body; needs a pose model', () => {
    const names = [...WINDOW_COLUMNS, ...POSTURE_COLUMNS];
    expect(() => assertVideoColumns(names, false)).toThrow(expect.objectContaining({ code: 'feature-mismatch' }));
    expect(() => assertVideoColumns([...WINDOW_COLUMNS.slice(1), WINDOW_COLUMNS[0]!], true)).toThrow(
      expect.objectContaining({ code: 'feature-mismatch' }),
    );
    const [face] = records(WINDOW_COLUMNS, true);
    const [both] = records(names, true);
    expect(both!.video!.names).toEqual(names);
    expect(both!.video!.rows[0]).toHaveLength(names.length);
    // The face columns of a kept window are the face-only record's.
    const k = both!.video!.windowIndex[0]!;
    const j = face!.video!.windowIndex.indexOf(k);
    expect(both!.video!.rows[0]!.slice(0, WINDOW_COLUMNS.length)).toEqual(face!.video!.rows[j]);
    // Nobody in frame 4–5 s: those windows lack posture and are dropped (and said so).
    expect(both!.video!.rows.length).toBeLessThan(face!.video!.rows.length);
    expect(both!.video!.rows.flat().every(Number.isFinite)).toBe(true);
    expect(both!.warnings.map((w) => w.code)).toContain('windows-dropped');
    // No pose frame at all (the pose model failed): not scored, and said so — not "no face".
    const [none] = records(names, false);
    expect(none!.video).toBeNull();
    expect(none!.warnings.map((w) => w.code)).toEqual(['windows-dropped']);
    expect(none!.warnings[0]!.message).toMatch(/reads posture and no pose frame/);
  });

  it('exportDataset({posture: true}) reads back and the trainer’s standardiser takes the columns', async () => {
    const answers = records(WINDOW_COLUMNS, true);
    const spec = { jobTitle: 'Engineer', questions: ['Q1', 'Q2'] };
    const plain = exportDataset('s1', spec, answers, { video: WINDOW_COLUMNS }, { label: 1 });
    expect(plain.manifest.modalities.video).toEqual(WINDOW_COLUMNS);
    const out = exportDataset('s1', spec, answers, { video: WINDOW_COLUMNS }, { label: 1, posture: true });
    expect(out.manifest.modalities.video).toEqual([...WINDOW_COLUMNS, ...POSTURE_COLUMNS]);
    const dir = await mkdtemp(join(tmpdir(), 'hirenet-posture-'));
    dirs.push(dir);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(out.manifest));
    await writeFile(join(dir, 'interviews.jsonl'), out.line);
    const { manifest, interviews } = await loadDataset(dir);
    const rows = interviews[0]!.answers.map((a) => a.video).filter((v): v is Float32Array => v != null);
    expect(rows).toHaveLength(2);
    const s = fitStandardizer(rows, manifest.modalities.video!, 'answer');
    expect(s.names.slice(-POSTURE_COLUMNS.length)).toEqual([...POSTURE_COLUMNS]);
    expect(rows[0]!.length % s.names.length).toBe(0);
  });

  it('hirenet predict scores an export with posture through the model’s columns, by name', async () => {
    const answers = records(WINDOW_COLUMNS, true);
    const spec = { jobTitle: 'Engineer', questions: ['Q1', 'Q2'] };
    const dir = await mkdtemp(join(tmpdir(), 'hirenet-posture-predict-'));
    dirs.push(dir);
    const scores: number[] = [];
    for (const posture of [false, true]) {
      const out = exportDataset('s1', spec, answers, { video: WINDOW_COLUMNS }, { label: 1, posture });
      const data = join(dir, posture ? 'posture' : 'plain');
      await mkdir(data);
      await writeFile(join(data, 'manifest.json'), JSON.stringify(out.manifest));
      await writeFile(join(data, 'interviews.jsonl'), out.line);
      const file = join(dir, `${posture ? 'posture' : 'plain'}.jsonl`);
      const r = await hirenet(
        'predict',
        '--data',
        data,
        '--model',
        join(root, 'models/hirenet-demo/video'),
        '--out',
        file,
      );
      expect(r.code, r.stderr).toBe(0);
      if (posture) expect(r.stderr).toMatch(/reads 88 of the dataset's 94 columns, by name/);
      scores.push((JSON.parse((await readFile(file, 'utf8')).trim()) as { score: number }).score);
    }
    expect(scores[0]).toBeGreaterThan(0);
    // The posture export keeps only windows with every posture measure, so the rows differ; the
    // check is that it is read and scored, not refused for its extra columns.
    expect(Number.isFinite(scores[1])).toBe(true);
  }, 120_000);
});
