/**
 * The room client's options, peers and events (room-client.ts).
 */
import type { CueMessage } from './cue-schema.ts';
import type { LiveError } from './errors.ts';
import type { PeerLink } from './peer-link.ts';
import type { ReconnectOptions } from './relay-socket.ts';
import type { PeerInfo } from './signal-schema.ts';

export interface LiveRoomOptions {
  /** ws:// or wss:// URL of the relay. */
  readonly relayUrl: string;
  /** A join token, or a function that fetches one: called again for each reconnection (tokens expire). */
  readonly token: string | (() => Promise<string>);
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
  /** Reconnection to the relay after a dropped socket (relay-socket.ts); `false` turns it off. */
  readonly reconnect?: ReconnectOptions | false;
  /**
   * How long a peer whose relay socket dropped keeps its (still connected) peer connection while
   * it joins again. Default 30 s. A peer that said `leave` is removed at once.
   */
  readonly peerGraceMs?: number;
}

export interface RemotePeer extends Omit<PeerInfo, 'id'> {
  /** The peer's id at the relay: a new one after the peer (or the relay) reconnected. */
  id: string;
  /** `away` while the peer's relay socket is gone but the call goes on (within peerGraceMs). */
  relay: 'present' | 'away';
  link: PeerLink;
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
  /** Next attempt to reach the relay again, in `delayMs`. */
  'relay-reconnecting': CustomEvent<{ attempt: number; delayMs: number }>;
  /** Joined again (a new id); peer connections were kept. */
  'relay-reconnected': CustomEvent<{ id: string; attempts: number; ms: number }>;
  /** Gave up reconnecting (or a final close); calls already connected go on without signaling. */
  'relay-lost': CustomEvent<{ reason: string }>;
  /** A known peer joined the relay again and its connection was kept, under its new id. */
  'peer-rejoined': CustomEvent<{ peer: RemotePeer; oldId: string }>;
}
