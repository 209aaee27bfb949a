/**
 * What a live-room page needs from its host: who joins which room, where the relay is, how to get
 * a join token, and where the self-hosted analysis assets are. The demo (main.ts) and the browser
 * test page fill it differently; everything else is shared.
 */
import { HireNetError } from '@hirenet/sdk';
import type { AudioCaptureOptions, FaceAnalyzerOptions } from '@hirenet/sdk/features';
import type { LiveRole, PoseOptions } from '@hirenet/sdk/live';
import type { FollowUpSource } from './follow-ups-panel.ts';

export interface LiveRoomConfig {
  readonly room: string;
  readonly role: LiveRole;
  readonly name: string;
  /** Candidate: consent to every available channel and join at once (kiosk / test use). */
  readonly auto: boolean;
  readonly relayUrl: string;
  /** Fetched at each join (a rejoin gets a fresh one). */
  readonly token: () => Promise<string>;
  /** Null when this server has no face model: the face channel cannot be offered. */
  readonly face: FaceAnalyzerOptions | null;
  /** Pose model for posture cues (under the camera consent); null or absent: no posture cues. */
  readonly pose?: PoseOptions | null;
  readonly audio: AudioCaptureOptions;
  /** Interviewer: the job's question bank and word vectors for follow-up suggestions; absent: no panel. */
  readonly followUps?: FollowUpSource | null;
  /**
   * Candidate: where words come from. 'recognition' (default): the browser's on-device speech
   * recognition where it has one; 'host': this site supplies a transcript its own on-device
   * recogniser makes (the page's words box, `CandidateHandle.supplyWords`); null: no words.
   */
  readonly words?: 'recognition' | 'host' | null;
  /** BCP 47 language for on-device recognition. Default the browser's language. */
  readonly lang?: string;
  /** Seconds between cue messages. Default 2. */
  readonly cueSeconds?: number;
  /** Media only through the relay's TURN server (`&ice=relay`): members never see each other's IP addresses. */
  readonly relayOnly?: boolean;
  /** Camera constraints. Default 640×480. */
  readonly video?: MediaTrackConstraints;
}

/** Parses `?room=R&role=candidate&name=N&auto=1`; throws a readable Error on anything missing or wrong. */
export function parseLiveParams(search: string): { room: string; role: LiveRole; name: string; auto: boolean } {
  const p = new URLSearchParams(search);
  const room = p.get('room') ?? '';
  const role = p.get('role') ?? '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(room))
    throw new HireNetError('invalid-options', 'The link needs ?room= with 1–64 letters, digits, "-" or "_".');
  if (role !== 'interviewer' && role !== 'candidate')
    throw new HireNetError('invalid-options', 'The link needs &role=interviewer or &role=candidate.');
  const name = (p.get('name') ?? (role === 'interviewer' ? 'Interviewer' : '')).trim();
  if (name.length < 1 || name.length > 40)
    throw new HireNetError('invalid-options', 'The link needs &name= (1–40 characters) for a candidate.');
  return { room, role, name, auto: p.get('auto') === '1' };
}
