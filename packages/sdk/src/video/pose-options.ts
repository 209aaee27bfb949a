/**
 * Options of the pose landmarker (posture and gesture cues), resolved once. The model is a user
 * asset like the face model: the host self-hosts a PoseLandmarker bundle and names its URL.
 */
import { HireNetError } from '../util/errors.ts';
export interface PoseOptions {
  /** URL of a `pose_landmarker_lite.task` bundle (self-hosted). Required. */
  readonly modelUrl: string;
  /**
   * Expected sha256 (hex) of the bundle; a mismatch fails with `video-model`. Required, and no
   * default: this SDK pins no published pose bundle (the one tests use is a local rebuild, see
   * ../shared/models), so the host states the hash of the file it serves, or `null` to skip.
   */
  readonly modelSha256: string | null;
  /** Pose frames per second, taken on frames the face does not use. Default 5. */
  readonly fps?: number;
  /**
   * The pose is skipped while the face keeps less than this share of its frame slots (over 2 s):
   * under load posture goes first and the face cues keep their rate. Default 0.8.
   */
  readonly minFaceCoverage?: number;
}

export interface ResolvedPoseOptions {
  readonly modelUrl: string;
  readonly modelSha256: string | null;
  readonly fps: number;
  readonly minFaceCoverage: number;
}

/** Fills defaults and validates; `base` makes the URL absolute (the worker resolves against its own URL). */
export function resolvePoseOptions(o: PoseOptions, base?: string): ResolvedPoseOptions {
  if (typeof o.modelUrl !== 'string' || o.modelUrl === '')
    throw new HireNetError('invalid-options', 'PoseOptions.modelUrl is required');
  const sha = o.modelSha256;
  if (sha === undefined)
    throw new HireNetError('invalid-options', 'PoseOptions.modelSha256 is required (64 hex digits, or null to skip)');
  if (sha !== null && !/^[0-9a-f]{64}$/i.test(sha))
    throw new HireNetError('invalid-options', 'modelSha256 must be 64 hex digits or null');
  const fps = o.fps ?? 5;
  if (!(fps > 0 && fps <= 30)) throw new HireNetError('invalid-options', `pose fps must be in (0, 30], got ${fps}`);
  const cov = o.minFaceCoverage ?? 0.8;
  if (!(cov >= 0 && cov <= 1))
    throw new HireNetError('invalid-options', `minFaceCoverage must be in [0, 1], got ${cov}`);
  return {
    modelUrl: base === undefined ? o.modelUrl : new URL(o.modelUrl, base).href,
    modelSha256: sha === null ? null : sha.toLowerCase(),
    fps,
    minFaceCoverage: cov,
  };
}
