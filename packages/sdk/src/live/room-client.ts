/**
 * A member's side of a live room (browser): the relay socket, one PeerLink per remote member
 * (a candidate has at most one: the interviewer), and typed events for the page. Media and cue
 * messages go peer to peer; the relay only ever sees the signaling frames in signal-schema.ts.
 */
import { parseCueMessage } from './cue-schema.ts';
import { LiveError } from './errors.ts';
import { PeerLink } from './peer-link.ts';
import { backoffDelayMs, FINAL_CLOSE_CODES, joinRelay, stillReceiving, type Joined } from './relay-socket.ts';
import type { LiveRoomEventMap, LiveRoomOptions, RemotePeer } from './room-types.ts';
import {
  parseClientMessage,
  parseServerMessage,
  type ClientMessage,
  type LiveRole,
  type PeerInfo,
  type ServerMessage,
  type SignalData,
} from './signal-schema.ts';

export type { LiveRoomOptions, RemotePeer, LiveRoomEventMap };

export class LiveRoom extends EventTarget {
  readonly peers = new Map<string, RemotePeer>();
  /** Candidate side: the interviewer is known but has not offered yet (see addPeer). */
  private readonly awaitingOffer = new Map<string, PeerInfo>();
  private left = false;
  /** Peers whose relay socket dropped: removed when the grace ends unless they joined again. */
  private readonly away = new Map<string, ReturnType<typeof setTimeout>>();
  /** Signals from a re-joined peer while its kept connection is being checked (see rejoin). */
  private readonly held = new Map<string, SignalData[]>();
  private reconnecting = false;

  private constructor(
    private ws: WebSocket,
    private myId: string,
    private readonly o: LiveRoomOptions,
    readonly role: LiveRole,
    readonly name: string,
    readonly room: string,
    private readonly rtcConfig: RTCConfiguration,
    private readonly localStream: MediaStream | null,
  ) {
    super();
  }

  /** This member's id at the relay (a new one after each reconnection). */
  get id(): string {
    return this.myId;
  }

  /** Connects to the relay and joins; rejects with LiveError (`bad-token`, `room-full`, …) when refused. */
  static async join(o: LiveRoomOptions): Promise<LiveRoom> {
    if (!/^wss?:\/\//.test(o.relayUrl))
      throw new LiveError('malformed', `relayUrl must be ws:// or wss://, got ${o.relayUrl}`);
    const token = typeof o.token === 'string' ? o.token : await o.token();
    const { ws, joined } = await joinRelay(o.relayUrl, token, o.joinTimeoutMs ?? 10_000);
    const iceServers = [...joined.iceServers, ...(o.iceServers ?? [])];
    if (o.iceTransportPolicy === 'relay' && iceServers.length === 0) {
      ws.close();
      throw new LiveError('not-allowed', 'relay-only ICE needs a TURN server, and the relay offered none');
    }
    const rtcConfig: RTCConfiguration = { iceServers, iceTransportPolicy: o.iceTransportPolicy ?? 'all' };
    const room = new LiveRoom(ws, joined.id, o, joined.role, joined.name, joined.room, rtcConfig, o.localStream);
    room.attach(ws, joined);
    return room;
  }

  /** Test hook: drops the relay socket as a network change would (not a leave); reconnection follows. */
  dropRelayForTest(): void {
    this.ws.close(4100, 'dropped for a test');
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
    for (const t of this.away.values()) clearTimeout(t);
    this.away.clear();
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

  /** Takes over a joined socket: its frames, its close (→ reconnection), and the peers it lists. */
  private attach(ws: WebSocket, joined: Joined): void {
    this.ws = ws;
    this.myId = joined.id;
    ws.onmessage = (ev: MessageEvent<unknown>) => this.onRelayMessage(ev.data);
    ws.onclose = (ev) => {
      if (this.left || this.ws !== ws) return;
      this.emit('relay-closed', { code: ev.code });
      if (this.o.reconnect === false || FINAL_CLOSE_CODES.has(ev.code))
        this.emit('relay-lost', { reason: `closed by the relay (${ev.code} ${ev.reason})` });
      else void this.reconnect();
    };
    for (const p of joined.peers) this.addPeer(p);
  }

  /** Opens the relay socket again with backoff and joins; the peer connections are kept meanwhile. */
  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    const o = this.o.reconnect === false ? {} : (this.o.reconnect ?? {});
    const t0 = performance.now();
    let last = '';
    try {
      for (let attempt = 0; attempt < (o.maxAttempts ?? 12); attempt++) {
        const delayMs = backoffDelayMs(attempt, o);
        this.emit('relay-reconnecting', { attempt: attempt + 1, delayMs });
        await new Promise((r) => setTimeout(r, delayMs));
        if (this.left) return;
        try {
          const token = typeof this.o.token === 'string' ? this.o.token : await this.o.token();
          const { ws, joined } = await joinRelay(this.o.relayUrl, token, this.o.joinTimeoutMs ?? 10_000);
          if (this.left) return void ws.close(1000, 'left');
          this.attach(ws, joined);
          this.emit('relay-reconnected', { id: joined.id, attempts: attempt + 1, ms: performance.now() - t0 });
          return;
        } catch (e) {
          last = (e as Error).message;
          // Refusals that another try would meet again (the room is full, our role is taken).
          if (e instanceof LiveError && (e.code === 'room-full' || e.code === 'role-taken')) break;
        }
      }
      this.emit('relay-lost', { reason: `could not rejoin the relay: ${last}` });
    } finally {
      this.reconnecting = false;
    }
  }

  /**
   * The interviewer opens every connection; a candidate creates its side when the first offer
   * arrives. Perfect negotiation would resolve two simultaneous opening offers, but Chromium 156
   * measured here sometimes gathered no ICE candidate at all after the polite side's rollback, and
   * the call never connects; with one opener there is no rollback. Later renegotiations (ICE
   * restarts) from either side still go through perfect negotiation.
   */
  private addPeer(info: PeerInfo): void {
    if (this.left || this.peers.has(info.id) || info.role === this.role) return;
    // Names are unique per role in a room (the relay replaces a same-name socket): this is a
    // member we know, back at the relay under a new id (its socket or the relay restarted).
    const known = [...this.peers.values()].find((p) => p.role === info.role && p.name === info.name);
    if (known !== undefined) return void this.rejoin(known, info);
    this.fresh(info);
  }

  private fresh(info: PeerInfo): void {
    if (this.role === 'candidate') this.awaitingOffer.set(info.id, info);
    else this.createPeer(info);
  }

  /**
   * Re-attaches a kept connection to the peer's new id, at once (its signals, e.g. an ICE restart,
   * are held meanwhile), after checking that media still arrive on it. A connection that went
   * quiet belonged to a tab that is gone: it is closed and the newcomer gets a fresh one.
   */
  private rejoin(peer: RemotePeer, info: PeerInfo): void {
    const oldId = peer.id;
    clearTimeout(this.away.get(oldId));
    this.away.delete(oldId);
    this.peers.delete(oldId);
    peer.id = info.id;
    peer.relay = 'present';
    this.peers.set(info.id, peer);
    this.held.set(info.id, []);
    void stillReceiving(peer.link.pc).then((alive) => {
      const held = this.held.get(info.id) ?? [];
      this.held.delete(info.id);
      if (this.left || this.peers.get(info.id) !== peer) return;
      if (alive) {
        this.emit('peer-rejoined', { peer, oldId });
        for (const d of held) void peer.link.handleSignal(d);
        return;
      }
      this.drop(peer, 'replaced');
      this.fresh(info);
      for (const data of held) this.onSignal(info.id, data);
    });
  }

  private drop(peer: RemotePeer, reason: string): void {
    clearTimeout(this.away.get(peer.id));
    this.away.delete(peer.id);
    peer.link.close();
    this.peers.delete(peer.id);
    this.emit('peer-left', { peer, reason });
  }

  private createPeer(info: PeerInfo): void {
    const peer: RemotePeer = {
      ...info,
      relay: 'present',
      stream: null,
      state: 'new',
      refusedCues: 0,
      link: new PeerLink({
        remoteId: info.id,
        polite: this.role === 'candidate',
        rtcConfig: this.rtcConfig,
        localStream: this.localStream,
        // peer.id, not info.id: the peer gets a new id when it rejoins the relay.
        sendSignal: (data) => this.send({ type: 'signal', to: peer.id, data }),
        onRemoteStream: (s) => {
          peer.stream = s;
          this.emit('stream', peer);
        },
        onCueText: (text) => this.onCue(peer, text),
        onStateChange: (s) => {
          peer.state = s;
          this.emit('state', peer);
          // A peer away from the relay whose call also ended is not coming back through it.
          if (peer.relay === 'away' && (s === 'failed' || s === 'closed')) this.drop(peer, 'disconnected');
        },
        onError: (e) => console.warn(`[live-room] peer ${peer.id}: ${(e as Error).message}`),
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

  private onSignal(from: string, data: SignalData): void {
    const held = this.held.get(from);
    if (held !== undefined) return void held.push(data);
    const waiting = this.awaitingOffer.get(from);
    if (waiting !== undefined && data.kind === 'description' && data.description.type === 'offer') {
      this.awaitingOffer.delete(from);
      this.createPeer(waiting);
    }
    void this.peers.get(from)?.link.handleSignal(data);
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
        // Its relay socket dropped, but the call may well go on: wait for it to join again.
        if (m.reason !== 'left' && peer.state === 'connected') {
          peer.relay = 'away';
          this.emit('state', peer);
          clearTimeout(this.away.get(m.id));
          this.away.set(
            m.id,
            setTimeout(() => this.drop(peer, m.reason), this.o.peerGraceMs ?? 30_000),
          );
          return;
        }
        this.drop(peer, m.reason);
        return;
      }
      case 'signal':
        this.onSignal(m.from, m.data);
        return;
      case 'error':
        this.emit('relay-error', new LiveError(m.code, m.message));
        return;
      case 'joined':
        return;
    }
  }
}
