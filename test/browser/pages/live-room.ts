// The demo's live-room page (packages/demo/src/live-room) with the harness' asset URLs, driven by
// test/browser/live-room.test.ts. Commands: start the page as a role; restart ICE towards a candidate.
import { startLiveRoomPage, type LiveRoomPage } from '../../../packages/demo/src/live-room/app.ts';
import { viteAudioWorklet } from '../../../packages/sdk/src/audio/capture-urls.vite.ts';
import { viteVisionWasm } from '../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { loadVocabulary } from '../../../packages/sdk/src/text/vocabulary.ts';
import { exposeRun } from '../harness/page.ts';

type Cmd =
  | {
      cmd: 'start';
      role: 'interviewer' | 'candidate';
      room: string;
      name: string;
      auto: boolean;
      relayUrl: string;
      modelUrl: string | null;
      /** Pose model (../shared's rebuild, checked against its sha256): posture cues on. */
      poseUrl?: string | null;
      /** Interviewer: follow-up suggestions from this bank, with the word vectors at vocabUrl. */
      followUps?: { bank: string[]; vocabUrl: string };
      relayOnly?: boolean;
      /** Candidate: where words come from (default: on-device recognition where the browser has it). */
      words?: 'recognition' | 'host' | null;
    }
  | { cmd: 'restart-ice'; name: string; timeoutMs: number }
  /** Candidate: put raw text on the cue channel, bypassing the page's own validation (a tampered client). */
  | { cmd: 'send-raw-cue'; text: string }
  | { cmd: 'debug' }
  /** Drop this page's relay socket as a network change would (the room reconnects by itself). */
  | { cmd: 'drop-relay' }
  /** Close this page's peer connections without a word to anyone (as a crashed tab's would go). */
  | { cmd: 'close-peers' }
  /** This member's relay id and, per peer, its id and a tag that stays with its RTCPeerConnection object. */
  | { cmd: 'identity' }
  /** Types of the local and remote candidates of each peer connection's selected pair. */
  | { cmd: 'selected-pairs' };

/** sha256 of ../shared/models/pose_landmarker_lite.task (its README). */
const SHARED_POSE_SHA256 = '9932cec8cd3ca15d6567c545eaad6e0379e6f6b0d89b08ee15141ed3cacdf356';

let page: LiveRoomPage | undefined;
/** A tag per RTCPeerConnection object: the same tag after a reconnection proves the same connection. */
const pcTags = new WeakMap<RTCPeerConnection, string>();
let pcCount = 0;
const root = document.getElementById('live-app')!;

function ufrag(d: RTCSessionDescription | null): string | null {
  return /a=ice-ufrag:(\S+)/.exec(d?.sdp ?? '')?.[1] ?? null;
}

exposeRun(async (a: Cmd) => {
  if (a.cmd === 'start') {
    const httpRelay = a.relayUrl.replace(/^ws/, 'http');
    page = await startLiveRoomPage(root, {
      room: a.room,
      role: a.role,
      name: a.name,
      auto: a.auto,
      relayUrl: a.relayUrl,
      // The same path as `npm start`: a development token from the relay's /dev-token.
      token: async () => {
        const r = await fetch(
          `${httpRelay}/dev-token?${new URLSearchParams({ room: a.room, role: a.role, name: a.name })}`,
        );
        return ((await r.json()) as { token: string }).token;
      },
      face: a.modelUrl === null ? null : { ...viteVisionWasm, modelUrl: a.modelUrl },
      followUps:
        a.followUps === undefined
          ? null
          : { bank: a.followUps.bank, vectors: () => loadVocabulary(a.followUps!.vocabUrl) },
      pose: a.poseUrl == null ? null : { modelUrl: a.poseUrl, modelSha256: SHARED_POSE_SHA256 },
      audio: { workletUrl: viteAudioWorklet.workletUrl },
      video: {},
      relayOnly: a.relayOnly === true,
      ...(a.words === undefined ? {} : { words: a.words }),
    });
    return { ok: true };
  }
  if (a.cmd === 'close-peers') {
    const room = page?.role === 'interviewer' ? page.handle.room : page?.handle.room();
    for (const p of room?.peers.values() ?? []) p.link.pc.close();
    return { closed: room?.peers.size ?? 0 };
  }
  if (a.cmd === 'drop-relay' || a.cmd === 'identity') {
    const room = page?.role === 'interviewer' ? page.handle.room : page?.handle.room();
    if (room == null) throw new Error('not in a room');
    if (a.cmd === 'drop-relay') {
      room.dropRelayForTest();
      return { dropped: room.id };
    }
    return {
      id: room.id,
      peers: [...room.peers.values()].map((p) => {
        if (!pcTags.has(p.link.pc)) pcTags.set(p.link.pc, `pc${++pcCount}`);
        return { id: p.id, name: p.name, relay: p.relay, conn: p.link.pc.connectionState, tag: pcTags.get(p.link.pc) };
      }),
    };
  }
  if (a.cmd === 'debug') {
    const room = page?.role === 'interviewer' ? page.handle.room : page?.handle.room();
    return [...(room?.peers.values() ?? [])].map((p) => ({
      name: p.name,
      conn: p.link.pc.connectionState,
      ice: p.link.pc.iceConnectionState,
      signaling: p.link.pc.signalingState,
      cues: p.link.cues.readyState,
      restarts: p.link.iceRestarts,
    }));
  }
  if (a.cmd === 'selected-pairs') {
    const room = page?.role === 'interviewer' ? page.handle.room : page?.handle.room();
    return Promise.all(
      [...(room?.peers.values() ?? [])].map(async (p) => {
        const stats = [...(await p.link.pc.getStats()).values()] as Record<string, unknown>[];
        const transport = stats.find((s) => s['type'] === 'transport');
        const pair = stats.find((s) => s['id'] === transport?.['selectedCandidatePairId']);
        const cand = (id: unknown): unknown => stats.find((s) => s['id'] === id)?.['candidateType'];
        return { name: p.name, local: cand(pair?.['localCandidateId']), remote: cand(pair?.['remoteCandidateId']) };
      }),
    );
  }
  if (a.cmd === 'send-raw-cue') {
    if (page?.role !== 'candidate') throw new Error('send-raw-cue runs on a candidate page');
    return { sent: page.handle.room()?.sendCue(a.text) ?? false };
  }
  if (page?.role !== 'interviewer') throw new Error('restart-ice runs on the interviewer page');
  const room = page.handle.room;
  const peer = [...room.peers.values()].find((p) => p.name === a.name);
  if (peer === undefined) throw new Error(`no peer named ${a.name}`);
  const pc = peer.link.pc;
  const before = { local: ufrag(pc.localDescription), remote: ufrag(pc.remoteDescription), state: pc.connectionState };
  const iceStates: string[] = [];
  const onIce = (): number => iceStates.push(pc.iceConnectionState);
  pc.addEventListener('iceconnectionstatechange', onIce);
  const t0 = performance.now();
  room.restartIce(peer.id);
  // Connected again, on new ICE credentials on both sides.
  while (performance.now() - t0 < a.timeoutMs) {
    const local = ufrag(pc.localDescription);
    const remote = ufrag(pc.remoteDescription);
    const renewed = local !== before.local && remote !== before.remote;
    if (
      renewed &&
      pc.connectionState === 'connected' &&
      pc.iceConnectionState !== 'checking' &&
      pc.signalingState === 'stable'
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  pc.removeEventListener('iceconnectionstatechange', onIce);
  return {
    before,
    after: {
      local: ufrag(pc.localDescription),
      remote: ufrag(pc.remoteDescription),
      state: pc.connectionState,
      signaling: pc.signalingState,
    },
    iceStates,
    restarts: peer.link.iceRestarts,
    ms: performance.now() - t0,
  };
});
