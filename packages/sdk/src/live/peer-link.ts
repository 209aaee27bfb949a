/**
 * One RTCPeerConnection between the interviewer and one candidate, with "perfect negotiation"
 * (W3C WebRTC §10.7): both sides add their tracks and the cue channel at once, offers that
 * collide are resolved by the polite side (the candidate) rolling back. ICE is restarted when
 * the connection fails, or stays disconnected for `disconnectedGraceMs`.
 */
import type { IceCandidateData, SignalData } from './signal-schema.ts';

export interface PeerLinkOptions {
  readonly remoteId: string;
  /** The candidate is polite: it yields when both sides offer at once. */
  readonly polite: boolean;
  readonly rtcConfig: RTCConfiguration;
  readonly localStream: MediaStream | null;
  readonly sendSignal: (data: SignalData) => void;
  readonly onRemoteStream: (stream: MediaStream) => void;
  readonly onCueText: (text: unknown) => void;
  readonly onStateChange: (state: RTCPeerConnectionState) => void;
  /** How long `disconnected` may last before an ICE restart. Default 3000 ms. */
  readonly disconnectedGraceMs?: number;
  readonly onError?: (e: unknown) => void;
}

/** The cue channel is negotiated out of band (same id on both sides): no announcement race. */
export const CUE_CHANNEL = { label: 'hirenet-cues', id: 0 } as const;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly cues: RTCDataChannel;
  /** ICE restarts started by this side (after failures, or asked for). */
  iceRestarts = 0;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private queue: Promise<void> = Promise.resolve();
  private disconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly remote = new MediaStream();

  constructor(private readonly o: PeerLinkOptions) {
    const pc = new RTCPeerConnection(o.rtcConfig);
    this.pc = pc;
    this.cues = pc.createDataChannel(CUE_CHANNEL.label, { negotiated: true, id: CUE_CHANNEL.id, ordered: true });
    this.cues.onmessage = (ev: MessageEvent<unknown>) => o.onCueText(ev.data);
    for (const t of o.localStream?.getTracks() ?? []) pc.addTrack(t, o.localStream!);
    pc.ontrack = (ev) => {
      if (!this.remote.getTracks().includes(ev.track)) this.remote.addTrack(ev.track);
      o.onRemoteStream(this.remote);
    };
    pc.onicecandidate = (ev) =>
      o.sendSignal({ kind: 'candidate', candidate: ev.candidate === null ? null : candidateData(ev.candidate) });
    pc.onnegotiationneeded = () => void this.offer();
    pc.oniceconnectionstatechange = () => this.watchIce();
    pc.onconnectionstatechange = () => o.onStateChange(pc.connectionState);
  }

  /** Applies a description or candidate from the remote side, in arrival order. */
  handleSignal(data: SignalData): Promise<void> {
    this.queue = this.queue.then(() => this.apply(data)).catch((e: unknown) => this.o.onError?.(e));
    return this.queue;
  }

  /** New ICE credentials and candidates, keeping the media and the cue channel. */
  restartIce(): void {
    if (this.closed) return;
    this.iceRestarts++;
    this.pc.restartIce();
  }

  sendCue(text: string): boolean {
    if (this.cues.readyState !== 'open') return false;
    this.cues.send(text);
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.disconnectTimer);
    this.cues.close();
    this.pc.close();
  }

  private async offer(): Promise<void> {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch (e) {
      this.o.onError?.(e);
    } finally {
      this.makingOffer = false;
    }
  }

  private async apply(data: SignalData): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    if (data.kind === 'description') {
      const d = data.description;
      const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswer);
      const collision = d.type === 'offer' && !readyForOffer;
      this.ignoreOffer = !this.o.polite && collision;
      if (this.ignoreOffer) return;
      this.settingRemoteAnswer = d.type === 'answer';
      await pc.setRemoteDescription(d);
      this.settingRemoteAnswer = false;
      if (d.type === 'offer') {
        await pc.setLocalDescription();
        this.sendDescription();
      }
      return;
    }
    try {
      await pc.addIceCandidate(data.candidate ?? undefined);
    } catch (e) {
      // Candidates of an offer this side ignored (glare) fail to apply; that is expected.
      if (!this.ignoreOffer) throw e;
    }
  }

  private sendDescription(): void {
    const d = this.pc.localDescription;
    if (d === null) return;
    this.o.sendSignal({ kind: 'description', description: { type: d.type, sdp: d.sdp } });
  }

  private watchIce(): void {
    const s = this.pc.iceConnectionState;
    clearTimeout(this.disconnectTimer);
    if (s === 'failed') this.restartIce();
    else if (s === 'disconnected') {
      this.disconnectTimer = setTimeout(() => {
        if (this.pc.iceConnectionState === 'disconnected') this.restartIce();
      }, this.o.disconnectedGraceMs ?? 3000);
    }
  }
}

function candidateData(c: RTCIceCandidate): IceCandidateData {
  return {
    candidate: c.candidate,
    sdpMid: c.sdpMid,
    sdpMLineIndex: c.sdpMLineIndex,
    usernameFragment: c.usernameFragment,
  };
}
