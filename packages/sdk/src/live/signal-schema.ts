/**
 * The signaling protocol between room members and the relay (JSON text frames over one
 * WebSocket). The relay forwards only what these validators accept, so a client can never make
 * it relay anything but SDP descriptions and ICE candidates between an interviewer and a
 * candidate. docs/live.md describes the flow.
 */
import { fail, int, isRecord, oneOf, parseJsonObject, record, str, strOrNull, type Json } from './check.ts';
import { isLiveErrorCode, type LiveErrorCode } from './errors.ts';

export const LIVE_ROLES = ['interviewer', 'candidate'] as const;
export type LiveRole = (typeof LIVE_ROLES)[number];

/** Most candidates a room holds (one interviewer besides them). */
export const MAX_CANDIDATES = 5;
/** Largest signaling frame the relay accepts, bytes (an audio+video+data offer is ~5–7 KB). */
export const MAX_SIGNAL_BYTES = 16 * 1024;

const ROOM_RE = /^[A-Za-z0-9_-]{1,64}$/;
const PEER_ID_RE = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_NAME = 40;
const MAX_SDP = 15_000;
const MAX_CANDIDATE = 1_000;

export interface SessionDescriptionData {
  readonly type: 'offer' | 'answer' | 'pranswer' | 'rollback';
  readonly sdp: string;
}

export interface IceCandidateData {
  readonly candidate: string;
  readonly sdpMid: string | null;
  readonly sdpMLineIndex: number | null;
  readonly usernameFragment: string | null;
}

/** What one peer hands another through the relay: a description, or a candidate (null: end of candidates). */
export type SignalData =
  | { readonly kind: 'description'; readonly description: SessionDescriptionData }
  | { readonly kind: 'candidate'; readonly candidate: IceCandidateData | null };

export type ClientMessage =
  | { readonly type: 'join'; readonly token: string }
  | { readonly type: 'signal'; readonly to: string; readonly data: SignalData }
  | { readonly type: 'leave' };

export interface PeerInfo {
  readonly id: string;
  readonly role: LiveRole;
  readonly name: string;
}

/** ICE server entry handed to clients (TURN only when the host configured one; never a public STUN by default). */
export interface IceServerInfo {
  readonly urls: string[];
  readonly username?: string;
  readonly credential?: string;
}

export type LeaveReason = 'left' | 'disconnected' | 'replaced' | 'refused';

export interface JoinedMessage extends PeerInfo {
  readonly type: 'joined';
  readonly room: string;
  /** Whom this member may address: candidates see only the interviewer. */
  readonly peers: PeerInfo[];
  readonly iceServers: IceServerInfo[];
}

export type ServerMessage =
  | JoinedMessage
  | { readonly type: 'peer-joined'; readonly peer: PeerInfo }
  | { readonly type: 'peer-left'; readonly id: string; readonly reason: LeaveReason }
  | { readonly type: 'signal'; readonly from: string; readonly data: SignalData }
  | { readonly type: 'error'; readonly code: LiveErrorCode; readonly message: string };

export function isValidRoom(room: unknown): room is string {
  return typeof room === 'string' && ROOM_RE.test(room);
}

/** Display names: 1–40 characters, no control characters (they end up in the interviewer's page). */
export function isValidName(name: unknown): name is string {
  return typeof name === 'string' && name.length >= 1 && name.length <= MAX_NAME && !/\p{Cc}/u.test(name);
}

function peerId(v: unknown, path: string): string {
  const s = str(v, path, 32);
  if (!PEER_ID_RE.test(s)) fail('malformed', path, 'not a peer id');
  return s;
}

function signalData(v: unknown, path: string): SignalData {
  if (!isRecord(v)) fail('malformed', path, 'expected an object');
  if (v['kind'] === 'description') {
    const d = record(record(v, path, ['kind', 'description'])['description'], `${path}.description`, ['type', 'sdp']);
    const type = oneOf(d['type'], `${path}.description.type`, ['offer', 'answer', 'pranswer', 'rollback'] as const);
    return { kind: 'description', description: { type, sdp: str(d['sdp'], `${path}.description.sdp`, MAX_SDP) } };
  }
  if (v['kind'] === 'candidate') {
    const c = record(v, path, ['kind', 'candidate'])['candidate'];
    if (c === null) return { kind: 'candidate', candidate: null };
    const o = record(c, `${path}.candidate`, ['candidate', 'sdpMid', 'sdpMLineIndex', 'usernameFragment']);
    return {
      kind: 'candidate',
      candidate: {
        candidate: str(o['candidate'], `${path}.candidate.candidate`, MAX_CANDIDATE),
        sdpMid: strOrNull(o['sdpMid'] ?? null, `${path}.candidate.sdpMid`, 64),
        sdpMLineIndex:
          (o['sdpMLineIndex'] ?? null) === null
            ? null
            : int(o['sdpMLineIndex'], `${path}.candidate.sdpMLineIndex`, 0, 64),
        usernameFragment: strOrNull(o['usernameFragment'] ?? null, `${path}.candidate.usernameFragment`, 256),
      },
    };
  }
  return fail('malformed', `${path}.kind`, 'expected "description" or "candidate"');
}

/** Validates one client → relay frame; throws LiveError `malformed` / `unknown-type`. */
export function parseClientMessage(text: string): ClientMessage {
  const m = parseJsonObject(text);
  switch (m['type']) {
    case 'join':
      return { type: 'join', token: str(record(m, '$', ['type', 'token'])['token'], '$.token', 2048) };
    case 'signal': {
      const o = record(m, '$', ['type', 'to', 'data']);
      return { type: 'signal', to: peerId(o['to'], '$.to'), data: signalData(o['data'], '$.data') };
    }
    case 'leave':
      record(m, '$', ['type']);
      return { type: 'leave' };
    default:
      return fail(
        typeof m['type'] === 'string' ? 'unknown-type' : 'malformed',
        '$.type',
        `unknown type ${JSON.stringify(m['type'] ?? null)}`,
      );
  }
}

function peerInfo(v: unknown, path: string): PeerInfo {
  const o = record(v, path, ['id', 'role', 'name']);
  const name = str(o['name'], `${path}.name`, MAX_NAME);
  if (!isValidName(name)) fail('malformed', `${path}.name`, 'not a display name');
  return { id: peerId(o['id'], `${path}.id`), role: oneOf(o['role'], `${path}.role`, LIVE_ROLES), name };
}

function iceServer(v: unknown, path: string): IceServerInfo {
  const o = record(v, path, ['urls', 'username', 'credential']);
  const urls = o['urls'];
  if (!Array.isArray(urls) || urls.length === 0) fail('malformed', `${path}.urls`, 'expected a non-empty array');
  const out: { urls: string[]; username?: string; credential?: string } = {
    urls: urls.map((u, i) => {
      const s = str(u, `${path}.urls[${i}]`, 256);
      if (!/^(turns?|stuns?):/.test(s)) fail('malformed', `${path}.urls[${i}]`, 'expected a turn:/turns:/stun: URL');
      return s;
    }),
  };
  if (o['username'] !== undefined) out.username = str(o['username'], `${path}.username`, 256);
  if (o['credential'] !== undefined) out.credential = str(o['credential'], `${path}.credential`, 256);
  return out;
}

/** Validates one relay → client frame (the browser trusts the relay no more than the relay trusts it). */
export function parseServerMessage(text: string): ServerMessage {
  const m: Json = parseJsonObject(text);
  switch (m['type']) {
    case 'joined': {
      const o = record(m, '$', ['type', 'id', 'role', 'name', 'room', 'peers', 'iceServers']);
      const peers = o['peers'];
      const ice = o['iceServers'];
      if (!Array.isArray(peers) || peers.length > MAX_CANDIDATES + 1)
        fail('malformed', '$.peers', 'expected an array of peers');
      if (!Array.isArray(ice) || ice.length > 8) fail('malformed', '$.iceServers', 'expected an array of ICE servers');
      const room = str(o['room'], '$.room', 64);
      if (!isValidRoom(room)) fail('malformed', '$.room', 'not a room id');
      return {
        type: 'joined',
        id: peerId(o['id'], '$.id'),
        role: oneOf(o['role'], '$.role', LIVE_ROLES),
        name: str(o['name'], '$.name', MAX_NAME),
        room,
        peers: peers.map((p, i) => peerInfo(p, `$.peers[${i}]`)),
        iceServers: ice.map((s, i) => iceServer(s, `$.iceServers[${i}]`)),
      };
    }
    case 'peer-joined':
      return { type: 'peer-joined', peer: peerInfo(record(m, '$', ['type', 'peer'])['peer'], '$.peer') };
    case 'peer-left': {
      const o = record(m, '$', ['type', 'id', 'reason']);
      const reason = oneOf(o['reason'], '$.reason', ['left', 'disconnected', 'replaced', 'refused'] as const);
      return { type: 'peer-left', id: peerId(o['id'], '$.id'), reason };
    }
    case 'signal': {
      const o = record(m, '$', ['type', 'from', 'data']);
      return { type: 'signal', from: peerId(o['from'], '$.from'), data: signalData(o['data'], '$.data') };
    }
    case 'error': {
      const o = record(m, '$', ['type', 'code', 'message']);
      if (!isLiveErrorCode(o['code'])) fail('malformed', '$.code', 'unknown error code');
      return { type: 'error', code: o['code'], message: str(o['message'], '$.message', 500) };
    }
    default:
      return fail('unknown-type', '$.type', `unknown message type ${JSON.stringify(m['type'] ?? null)}`);
  }
}
