/**
 * Short-lived TURN credentials in coturn's "REST API" scheme (`use-auth-secret` +
 * `static-auth-secret` in turnserver.conf): username `<expiry>:<peer id>`, credential
 * base64(HMAC-SHA1(secret, username)). The relay hands them out with `joined`, so no long-lived
 * TURN password ever reaches a browser.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { createHmac } from 'node:crypto';
import type { IceServerInfo } from '@hirenet/sdk/internal/live/signal-schema';

export interface TurnConfig {
  /** e.g. ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']. */
  readonly urls: readonly string[];
  /** coturn's static-auth-secret. */
  readonly secret: string;
  /** Credential lifetime, seconds. Default 3600. */
  readonly ttlSeconds?: number;
}

export function turnCredentials(turn: TurnConfig, peerId: string, now = Date.now() / 1000): IceServerInfo {
  if (turn.urls.length === 0 || turn.urls.some((u) => !/^turns?:/.test(u))) {
    throw new HireNetError('invalid-options', 'TURN urls must be non-empty turn: or turns: URLs');
  }
  const username = `${Math.floor(now + (turn.ttlSeconds ?? 3600))}:${peerId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { urls: [...turn.urls], username, credential };
}
