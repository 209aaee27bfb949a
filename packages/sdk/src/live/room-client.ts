/**
 * A member's side of a live room (browser): the relay socket, one PeerLink per remote member
 * (a candidate has at most one: the interviewer), and typed events for the page. Media and cue
 * messages go peer to peer; the relay only ever sees the signaling frames in signal-schema.ts.
 */
import { parseCueMessage, type CueMessage } from './cue-schema.ts';
import { LiveError } from './errors.ts';
import { PeerLink } from './peer-link.ts';
import {
  parseClientMessage,
  parseServerMessage,
  type ClientMessage,
  type LiveRole,
  type PeerInfo,
  type ServerMessage,
} from './signal-schema.ts';

export interface LiveRoomOptions {
  /** ws:// or wss:// URL of the relay. */
  readonly relayUrl: string;
  readonly token: string;
  /** Camera and microphone to send (null: receive only). */
  readonly localStream: MediaStream | null;
  /** Extra ICE servers; the relay's (TURN, when configured) come first. No public STUN is ever added. */
  readonly iceServers?: RTCIceServer[];
  /**
   * `'relay'`: media only through the TURN server, so members never learn each other's IP addresses
   * (needs TURN on the relay). Default `'all'`.
   */
  readonly iceTransportPolicy?: RTCIceTransportPolicy;
  /** How long to wait for the relay to admit us. Default 10 s. */
  readonly joinTimeoutMs?: number;
}

export interface RemotePeer extends PeerInfo {
  readonly link: PeerLink;
  stream: MediaStream | null;
  state: RTCPeerConnectionState;
  /** Cue messages refused by the validator (never shown). */
  refusedCues: number;
}

export interface LiveRoomEventMap {
  'peer-joined': CustomEvent<RemotePeer>;
  'peer-left': CustomEvent<{ peer: RemotePeer; reason: string }>;
  stream: CustomEvent<RemotePeer>;
  state: CustomEvent<RemotePeer>;
  cue: CustomEvent<{ peer: RemotePeer; cue: CueMessage; text: string }>;
  'cue-refused': CustomEvent<{ peer: RemotePeer; error: LiveError }>;
  /** The relay refused one of our frames (the room goes on). */
  'relay-error': CustomEvent<LiveError>;
  /** The relay socket closed; established peer connections keep running. */
  'relay-closed': CustomEvent<{ code: number }>;
}

export class LiveRoom extends EventTarget {
  readonly peers = new Map<string, RemotePeer>();
  /** Candidate side: the interviewer is known but has not offered yet (see addPeer). */
  private readonly awaitingOffer = new Map<string, PeerInfo>();
  private left = false;

  private constructor(
    private readonly ws: WebSocket,
    readonly id: string,
    readonly role: LiveRole,
    readonly name: string,
    readonly room: string,
    private readonly rtcConfig: RTCConfiguration,
    private readonly localStream: MediaStream | null,
  ) {
    super();
  }

  /** Connects to the relay and joins; rejects with LiveError (`bad-token`, `room-full`, …) when refused. */
  static async join(o: LiveRoomOptions): Promise<LiveRoom> {
    if (!/^wss?:\/\//.test(o.relayUrl))
      throw new LiveError('malformed', `relayUrl must be ws:// or wss://, got ${o.relayUrl}`);
    const ws = new WebSocket(o.relayUrl);
    const joined = await new Promise<Extract<ServerMessage, { type: 'joined' }>>((resolve, reject) => {
      const wait = o.joinTimeoutMs ?? 10_000;
      const timer = setTimeout(
        () => fail(new LiveError('not-joined', `the relay did not answer within ${wait} ms`)),
        wait,
      );
      const fail = (e: LiveError): void => {
        clearTimeout(timer);
        ws.close();
        reject(e);
      };
      ws.onopen = () => ws.send(JSON.stringify({ type: 'join', token: o.token } satisfies ClientMessage));
      ws.onerror = () => fail(new LiveError('not-joined', `could not reach the relay at ${o.relayUrl}`));
      ws.onclose = (ev) => fail(new LiveError('not-joined', `the relay closed the connection (${ev.code})`));
      ws.onmessage = (ev: MessageEvent<unknown>) => {
        let m: ServerMessage;
        try {
          m = parseServerMessage(String(ev.data));
        } catch (e) {
          return fail(e as LiveError);
        }
        if (m.type === 'error') return fail(new LiveError(m.code, m.message));
        if (m.type !== 'joined') return;
        clearTimeout(timer);
        resolve(m);
      };
    });
    const iceServers = [...joined.iceServers, ...(o.iceServers ?? [])];
    if (o.iceTransportPolicy === 'relay' && iceServers.length === 0) {
      ws.close();
      throw new LiveError('not-allowed', 'relay-only ICE needs a TURN server, and the relay offered none');
    }
    const rtcConfig: RTCConfiguration = { iceServers, iceTransportPolicy: o.iceTransportPolicy ?? 'all' };
    const room = new LiveRoom(ws, joined.id, joined.role, joined.name, joined.room, rtcConfig, o.localStream);
    ws.onerror = null;
    ws.onmessage = (ev: MessageEvent<unknown>) => room.onRelayMessage(ev.data);
    ws.onclose = (ev) => (room.left ? undefined : room.emit('relay-closed', { code: ev.code }));
    for (const p of joined.peers) room.addPeer(p);
    return room;
  }

  /** Candidate: sends one cue text to the interviewer. Returns false when the channel is not open yet. */
  sendCue(text: string): boolean {
    let sent = false;
    for (const p of this.peers.values()) if (p.role === 'interviewer') sent = p.link.sendCue(text) || sent;
    return sent;
  }

  restartIce(peerId: string): void {
    this.peers.get(peerId)?.link.restartIce();
  }

  /** Tells the relay, closes every peer connection and the socket. Local tracks are the caller's to stop. */
  leave(): void {
    if (this.left) return;
    this.left = true;
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'leave' } satisfies ClientMessage));
    for (const p of this.peers.values()) p.link.close();
    this.peers.clear();
    this.ws.close(1000, 'left');
  }

  override addEventListener<K extends keyof LiveRoomEventMap>(
    type: K,
    listener: (ev: LiveRoomEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListener, options);
  }

  private emit<K extends keyof LiveRoomEventMap>(type: K, detail: LiveRoomEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private send(msg: ClientMessage): void {
    // Checked against the relay's own schema first: an SDP too large for the relay fails here, visibly.
    const text = JSON.stringify(msg);
    parseClientMessage(text);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  /**
   * The interviewer opens every connection; a candidate creates its side when the first offer
   * arrives. Perfect negotiation would resolve two simultaneous opening offers, but Chromium 156
   * measured here sometimes gathers no ICE candidate at all after the polite side's rollback, and
   * the call never connects; with one opener there is no rollback. Later renegotiations (ICE
   * restarts) from either side still go through perfect negotiation.
   */
  private addPeer(info: PeerInfo): void {
    if (this.left || this.peers.has(info.id) || info.role === this.role) return;
    if (this.role === 'candidate') {
      this.awaitingOffer.set(info.id, info);
      return;
    }
    this.createPeer(info);
  }

  private createPeer(info: PeerInfo): void {
    const peer: RemotePeer = {
      ...info,
      stream: null,
      state: 'new',
      refusedCues: 0,
      link: new PeerLink({
        remoteId: info.id,
        polite: this.role === 'candidate',
        rtcConfig: this.rtcConfig,
        localStream: this.localStream,
        sendSignal: (data) => this.send({ type: 'signal', to: info.id, data }),
        onRemoteStream: (s) => {
          peer.stream = s;
          this.emit('stream', peer);
        },
        onCueText: (text) => this.onCue(peer, text),
        onStateChange: (s) => {
          peer.state = s;
          this.emit('state', peer);
        },
        onError: (e) => console.warn(`[live-room] peer ${info.id}: ${(e as Error).message}`),
      }),
    };
    this.peers.set(info.id, peer);
    this.emit('peer-joined', peer);
  }

  private onCue(peer: RemotePeer, text: unknown): void {
    // Only the interviewer receives cues; anything a candidate is sent on this channel is dropped.
    if (this.role !== 'interviewer') return;
    try {
      const cue = parseCueMessage(text);
      this.emit('cue', { peer, cue, text: text as string });
    } catch (e) {
      peer.refusedCues++;
      this.emit('cue-refused', { peer, error: e instanceof LiveError ? e : new LiveError('bad-cue', String(e)) });
    }
  }

  private onRelayMessage(raw: unknown): void {
    let m: ServerMessage;
    try {
      m = parseServerMessage(String(raw));
    } catch (e) {
      this.emit('relay-error', e instanceof LiveError ? e : new LiveError('malformed', String(e)));
      return;
    }
    switch (m.type) {
      case 'peer-joined':
        this.addPeer(m.peer);
        return;
      case 'peer-left': {
        this.awaitingOffer.delete(m.id);
        const peer = this.peers.get(m.id);
        if (peer === undefined) return;
        peer.link.close();
        this.peers.delete(m.id);
        this.emit('peer-left', { peer, reason: m.reason });
        return;
      }
      case 'signal': {
        const waiting = this.awaitingOffer.get(m.from);
        if (waiting !== undefined && m.data.kind === 'description' && m.data.description.type === 'offer') {
          this.awaitingOffer.delete(m.from);
          this.createPeer(waiting);
        }
        void this.peers.get(m.from)?.link.handleSignal(m.data);
        return;
      }
      case 'error':
        this.emit('relay-error', new LiveError(m.code, m.message));
        return;
      case 'joined':
        return;
    }
  }
}
