/**
 * Command line of the relay: `serve` (default) and `token`. Parsed strictly: an unknown flag or a
 * missing value is an error, never ignored.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { LIVE_ROLES, type LiveRole } from '@hirenet/sdk/internal/live/signal-schema';

export type RelayCommand =
  | {
      readonly cmd: 'serve';
      readonly dev: boolean;
      readonly port: number;
      readonly host: string;
      readonly turnUrls: string[];
      readonly origins: string[];
    }
  | {
      readonly cmd: 'token';
      readonly room: string;
      readonly role: LiveRole;
      readonly name: string;
      readonly ttlSeconds: number;
    }
  | { readonly cmd: 'help' };

export const RELAY_USAGE = `usage (main.ts = node --conditions=source --import tsx packages/relay/src/main.ts):
  main.ts [--dev] [--port 8787] [--host 127.0.0.1] [--turn turn:host:3478 ...] [--origin https://app.example ...]
      serve; the token secret comes from $LIVE_RELAY_SECRET (required without --dev),
      TURN credentials from $LIVE_TURN_SECRET (coturn static-auth-secret) when --turn is given;
      --origin admits sockets only from these page origins
  main.ts token --room R --role interviewer|candidate --name N [--ttl 3600]
      print a join token signed with $LIVE_RELAY_SECRET`;

export function parseRelayArgs(argv: readonly string[]): RelayCommand {
  const args = [...argv];
  const cmd = args[0] === 'token' || args[0] === 'serve' ? args.shift()! : 'serve';
  const flags = new Map<string, string[]>();
  let dev = false;
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--help' || a === '-h') return { cmd: 'help' };
    if (a === '--dev') {
      dev = true;
      continue;
    }
    if (!/^--(port|host|turn|origin|room|role|name|ttl)$/.test(a))
      throw new HireNetError('usage', `unknown argument ${a}\n${RELAY_USAGE}`);
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new HireNetError('usage', `${a} needs a value`);
    flags.set(a, [...(flags.get(a) ?? []), v]);
  }
  const one = (k: string): string | undefined => flags.get(k)?.at(-1);
  const intFlag = (k: string, dflt: number, min: number, max: number): number => {
    const raw = one(k);
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new HireNetError('usage', `${k} must be an integer in [${min}, ${max}], got ${raw}`);
    return n;
  };
  if (cmd === 'token') {
    const role = one('--role');
    if (!LIVE_ROLES.includes(role as LiveRole))
      throw new HireNetError('usage', '--role must be interviewer or candidate');
    const room = one('--room');
    const name = one('--name');
    if (room === undefined || name === undefined) throw new HireNetError('usage', 'token needs --room and --name');
    return { cmd: 'token', room, role: role as LiveRole, name, ttlSeconds: intFlag('--ttl', 3600, 1, 7 * 24 * 3600) };
  }
  return {
    cmd: 'serve',
    dev,
    port: intFlag('--port', 8787, 0, 65535),
    host: one('--host') ?? '127.0.0.1',
    turnUrls: flags.get('--turn') ?? [],
    origins: flags.get('--origin') ?? [],
  };
}
