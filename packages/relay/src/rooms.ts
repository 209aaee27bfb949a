/**
 * Room membership and routing, independent of the socket library: a member is anything that can
 * be sent a ServerMessage and closed. Star topology: a candidate learns of and may address only
 * the interviewer; the interviewer may address every candidate of its room.
 */
import { randomBytes } from 'node:crypto';
import { LiveError } from '@hirenet/sdk/internal/live/errors';
import {
  MAX_CANDIDATES,
  type IceServerInfo,
  type LeaveReason,
  type LiveRole,
  type PeerInfo,
  type ServerMessage,
  type SignalData,
} from '@hirenet/sdk/internal/live/signal-schema';
import type { JoinClaims } from './token.ts';

export interface MemberLink {
  send(msg: ServerMessage): void;
  close(code: number, reason: string): void;
}

export interface Member extends PeerInfo {
  readonly room: string;
  readonly link: MemberLink;
}

interface Room {
  interviewer: Member | undefined;
  readonly candidates: Map<string, Member>;
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly maxCandidates = MAX_CANDIDATES,
    private readonly iceServersFor: (peerId: string) => IceServerInfo[] = () => [],
  ) {}

  /**
   * Admits the holder of `claims`, or throws `role-taken` / `room-full`. A same-name rejoin replaces the old member.
   */
  join(claims: JoinClaims, link: MemberLink): Member {
    const room = this.rooms.get(claims.room) ?? { interviewer: undefined, candidates: new Map<string, Member>() };
    const same = this.members(room).find((m) => m.role === claims.role && m.name === claims.name);
    if (same === undefined) {
      if (claims.role === 'interviewer' && room.interviewer !== undefined) {
        throw new LiveError('role-taken', 'this room already has an interviewer');
      }
      if (claims.role === 'candidate' && room.candidates.size >= this.maxCandidates) {
        throw new LiveError('room-full', `this room already has ${this.maxCandidates} candidates`);
      }
    }
    // A reconnect after a dropped network arrives before the relay notices the old socket died.
    if (same !== undefined) {
      this.leave(same, 'replaced');
      same.link.close(4000, 'replaced by a new connection');
    }
    this.rooms.set(claims.room, room);
    const member: Member = {
      id: randomBytes(9).toString('base64url'),
      role: claims.role,
      name: claims.name,
      room: claims.room,
      link,
    };
    const others = this.visibleTo(member, room);
    if (member.role === 'interviewer') room.interviewer = member;
    else room.candidates.set(member.id, member);
    link.send({
      type: 'joined',
      ...info(member),
      room: member.room,
      peers: others.map(info),
      iceServers: this.iceServersFor(member.id),
    });
    for (const o of others) o.link.send({ type: 'peer-joined', peer: info(member) });
    return member;
  }

  /** Forwards a signal, or throws `not-allowed` (candidate → candidate, or to oneself) / `unknown-peer`. */
  signal(from: Member, to: string, data: SignalData): void {
    const room = this.rooms.get(from.room);
    const target = room === undefined ? undefined : this.members(room).find((m) => m.id === to);
    if (target === undefined) throw new LiveError('unknown-peer', `no member ${to} in this room`);
    if (target.id === from.id || target.role === from.role) {
      throw new LiveError(
        'not-allowed',
        `a ${from.role} may only address the ${from.role === 'candidate' ? 'interviewer' : 'candidates'}`,
      );
    }
    target.link.send({ type: 'signal', from: from.id, data });
  }

  /** Removes a member and tells those who could see it. Idempotent. */
  leave(member: Member, reason: LeaveReason): void {
    const room = this.rooms.get(member.room);
    if (room === undefined) return;
    if (room.interviewer === member) room.interviewer = undefined;
    else if (room.candidates.get(member.id) !== member) return;
    else room.candidates.delete(member.id);
    for (const o of this.visibleTo(member, room)) o.link.send({ type: 'peer-left', id: member.id, reason });
    if (room.interviewer === undefined && room.candidates.size === 0) this.rooms.delete(member.room);
  }

  /** Member counts per role (for tests and the relay's log). */
  size(room: string): { interviewer: number; candidates: number } {
    const r = this.rooms.get(room);
    return { interviewer: r?.interviewer === undefined ? 0 : 1, candidates: r?.candidates.size ?? 0 };
  }

  private members(room: Room): Member[] {
    return [...(room.interviewer === undefined ? [] : [room.interviewer]), ...room.candidates.values()];
  }

  /** Who `member` may know about: candidates see only the interviewer, never each other. */
  private visibleTo(member: Pick<Member, 'id' | 'role'>, room: Room): Member[] {
    if (member.role === 'interviewer') return [...room.candidates.values()].filter((m) => m.id !== member.id);
    return room.interviewer === undefined || room.interviewer.id === member.id ? [] : [room.interviewer];
  }
}

function info(m: Member): PeerInfo {
  return { id: m.id, role: m.role, name: m.name };
}

export type { LiveRole };
