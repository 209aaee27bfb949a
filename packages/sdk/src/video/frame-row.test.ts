import { describe, expect, it } from 'vitest';
import { AU_CODES } from './au-map.ts';
import { BLENDSHAPE_NAMES } from './blendshapes.ts';
import { buildFrameRow, emptyFrameRow, frameRowsToCsv, frameRowValues } from './frame-row.ts';
import { assertVideoSchema, FRAME_COLUMNS, VIDEO_FEATURE_SCHEMA, videoSchemaId, WINDOW_COLUMNS } from './schema.ts';

const cats = BLENDSHAPE_NAMES.map((categoryName, i) => ({ categoryName, score: i / 100 }));
const landmarks = Array.from({ length: 478 }, () => ({ x: 0.5, y: 0.5, z: 0 }));
// Column-major identity rotation, translated 40 cm in front of the camera.
const matrix = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, -1, -40, 1];

describe('frame rows', () => {
  it('the CSV header is the one the issue specifies', () => {
    expect(FRAME_COLUMNS.slice(0, 3)).toEqual(['time', 'face', '_neutral']);
    expect(FRAME_COLUMNS.slice(-8)).toEqual(['yaw', 'pitch', 'roll', 'tx', 'ty', 'tz', 'gazeX', 'gazeY']);
    expect(FRAME_COLUMNS).toHaveLength(2 + 52 + 18 + 8);
    expect(FRAME_COLUMNS[54]).toBe('AU01');
    expect(VIDEO_FEATURE_SCHEMA.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(WINDOW_COLUMNS).toHaveLength(2 * (18 + 18 + 6 + 2));
  });

  it('a model trained on another schema version is refused with schema-mismatch', () => {
    expect(videoSchemaId()).toBe(`hirenet.video@${VIDEO_FEATURE_SCHEMA.version}`);
    expect(() => assertVideoSchema(videoSchemaId())).not.toThrow();
    expect(() => assertVideoSchema('hirenet.video@0.9.0')).toThrow(
      expect.objectContaining({ code: 'schema-mismatch' }),
    );
  });

  it('builds a row from a Face Landmarker result', () => {
    const row = buildFrameRow(
      1.5,
      {
        faceLandmarks: [landmarks],
        faceBlendshapes: [{ categories: cats }],
        facialTransformationMatrixes: [{ data: matrix }],
      },
      640,
      480,
    );
    expect(row.face).toBe(1);
    expect(row.blendshapes[BLENDSHAPE_NAMES.indexOf('jawOpen')]).toBeCloseTo(0.25);
    expect(row.au.intensity[AU_CODES.indexOf('AU26')]).toBeCloseTo(0.25);
    expect(row.pose).toMatchObject({ tx: 2, ty: -1, tz: -40 });
    expect(Math.abs(row.pose.yaw) + Math.abs(row.pose.pitch) + Math.abs(row.pose.roll)).toBeCloseTo(0);
    expect(frameRowValues(row)).toHaveLength(FRAME_COLUMNS.length);
  });

  it('a frame with no face is masked: face 0 and NaN measurements, empty CSV cells', () => {
    const row = buildFrameRow(0.2, { faceLandmarks: [], faceBlendshapes: [] }, 640, 480);
    expect(row).toEqual(emptyFrameRow(0.2));
    const values = frameRowValues(row);
    expect(values.slice(0, 2)).toEqual([0.2, 0]);
    expect(values.slice(2).every(Number.isNaN)).toBe(true);
    const csv = frameRowsToCsv([row]).trim().split('\n');
    expect(csv[1]).toBe(`0.2,0${','.repeat(FRAME_COLUMNS.length - 2)}`);
  });
});
