/**
 * Live interview rooms (browser side): `@hirenet/sdk/live`. One interviewer, up to five
 * candidates, peer-to-peer media, derived cues only. The relay lives in ./relay (Node). docs/live.md.
 */
export { LiveRoom, type LiveRoomOptions, type LiveRoomEventMap, type RemotePeer } from './room-client.ts';
export { PeerLink, CUE_CHANNEL, type PeerLinkOptions } from './peer-link.ts';
export { backoffDelayMs, FINAL_CLOSE_CODES, type ReconnectOptions } from './relay-socket.ts';
export { startCueAnalysis, type CueAnalysis, type CueAnalysisOptions, type LiveChannel } from './cue-analysis.ts';
export type { WordsOptions } from './words-channel.ts';
export { KeywordCounter, isKeyword } from './keywords.ts';
export {
  CUE_VERSION,
  MAX_CUE_BYTES,
  CUE_CHANNELS,
  CHANNEL_STATES,
  WORDS_STATES,
  MAX_KEYWORDS,
  MAX_KEYWORD_CHARS,
  MAX_KEYWORD_BYTES,
  KEYWORD_PATTERN,
  validateCueMessage,
  parseCueMessage,
  encodeCueMessage,
  isCueMessage,
  type CueMessage,
  type CueChannel,
  type ChannelState,
  type WordsState,
  type CueKeywords,
  type FaceCues,
  type VoiceCues,
  type PostureCues,
} from './cue-schema.ts';
export { faceCues, ON_CAMERA } from './face-cues.ts';
export {
  rankFollowUps,
  FOLLOW_UP_STOP_WORDS,
  type WordVectors,
  type FollowUpSuggestion,
  type FollowUpMatch,
  type FollowUpOptions,
  type FollowUpRanking,
} from './follow-ups.ts';
export { PostureTracker, HAND_NEAR_FACE, BASELINE_FRAMES, MIN_VISIBILITY } from '../video/pose-cues.ts';
export type { PoseOptions } from '../video/pose-options.ts';
export { VoiceCueTracker, MIN_PAUSE_SECONDS } from './voice-cues.ts';
export {
  LIVE_ROLES,
  MAX_CANDIDATES,
  MAX_SIGNAL_BYTES,
  parseClientMessage,
  parseServerMessage,
  isValidRoom,
  isValidName,
  type LiveRole,
  type ClientMessage,
  type ServerMessage,
  type SignalData,
  type PeerInfo,
  type IceServerInfo,
} from './signal-schema.ts';
export { LiveError, LIVE_ERROR_CODES, type LiveErrorCode } from './errors.ts';
