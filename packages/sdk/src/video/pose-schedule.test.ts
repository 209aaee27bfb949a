import { HireNetError } from '../util/errors.ts';
import { describe, expect, it } from 'vitest';
import { InterleaveSchedule, type FrameUse } from './pose-schedule.ts';

/** Frames every `dt` s for `seconds`, each taking `cost[use]` seconds: the next frame read is the first after that. */
function run(s: InterleaveSchedule, seconds: number, dt: number, cost: Record<'face' | 'pose', number>) {
  const uses: { t: number; use: FrameUse }[] = [];
  let busyUntil = 0;
  for (let i = 0; i * dt < seconds - 1e-9; i++) {
    const t = i * dt;
    if (t + 1e-9 < busyUntil) continue; // the camera keeps only the newest frame while the worker is busy
    const use = s.next(t);
    uses.push({ t, use });
    if (use !== null) busyUntil = t + cost[use];
  }
  return uses;
}
const count = (u: { use: FrameUse }[], k: FrameUse): number => u.filter((x) => x.use === k).length;

describe('InterleaveSchedule', () => {
  it('face alone keeps the k / fps grid exactly (the face-only worker loop is unchanged)', () => {
    const u = run(new InterleaveSchedule({ faceFps: 4, poseFps: 0 }), 10, 1 / 30, { face: 0.01, pose: 0 });
    expect(count(u, 'face')).toBe(40);
    expect(count(u, 'pose')).toBe(0);
  });

  it('face 4 + pose 5 on a 30 fps camera with cheap frames: both rates met, never on one frame', () => {
    const u = run(new InterleaveSchedule({ faceFps: 4, poseFps: 5 }), 10, 1 / 30, { face: 0.06, pose: 0.06 });
    expect(count(u, 'face')).toBe(40);
    expect(count(u, 'pose')).toBeGreaterThanOrEqual(49);
  });

  it('when a slow pose makes the face miss its slots, the pose gives way and the face keeps most of its rate', () => {
    // 50 ms per face, 200 ms per pose (a loaded device): each pose blocks one or two face slots.
    const cost = { face: 0.05, pose: 0.2 };
    const s = new InterleaveSchedule({ faceFps: 8, poseFps: 5 });
    const u = run(s, 20, 1 / 30, cost);
    const faceRate = count(u, 'face') / 20;
    expect(faceRate).toBeGreaterThanOrEqual(6);
    expect(s.poseSkipped).toBeGreaterThan(0);
    expect(count(u, 'pose')).toBeGreaterThan(0);
    // Without the guard (minFaceCoverage 0) the pose takes its frames and the face falls to ~4.5/s.
    const g = run(new InterleaveSchedule({ faceFps: 8, poseFps: 5, minFaceCoverage: 0 }), 20, 1 / 30, cost);
    expect(count(g, 'face') / 20).toBeLessThan(faceRate - 1);
  });

  it('refuses rates outside its range', () => {
    expect(() => new InterleaveSchedule({ faceFps: 0, poseFps: 5 })).toThrow(HireNetError);
    expect(() => new InterleaveSchedule({ faceFps: 4, poseFps: -1 })).toThrow(HireNetError);
  });
});
