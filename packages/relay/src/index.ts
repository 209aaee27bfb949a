/** The live-room signaling relay (Node). docs/live.md is the host guide. */
export { startRelay, type Relay, type RelayOptions } from './server.ts';
export { signJoinToken, verifyJoinToken, randomSecret, type JoinClaims } from './token.ts';
export { turnCredentials, type TurnConfig } from './turn.ts';
export { TokenBucket, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.ts';
export { Rooms, type Member, type MemberLink } from './rooms.ts';
