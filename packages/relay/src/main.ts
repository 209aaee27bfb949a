/**
 * `npm run live` / `tsx packages/relay/src/main.ts`: runs the relay, or mints a token.
 * Secrets come from the environment, never from the command line (it shows in `ps`).
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { parseRelayArgs, RELAY_USAGE } from './cli-args.ts';
import { startRelay } from './server.ts';
import { signJoinToken } from './token.ts';

async function main(): Promise<void> {
  const c = parseRelayArgs(process.argv.slice(2));
  const secret = process.env['LIVE_RELAY_SECRET'];
  if (c.cmd === 'help') {
    console.log(RELAY_USAGE);
    return;
  }
  if (c.cmd === 'token') {
    if (secret === undefined) throw new HireNetError('usage', 'set LIVE_RELAY_SECRET to the relay secret');
    console.log(signJoinToken(secret, c));
    return;
  }
  if (secret === undefined && !c.dev)
    throw new HireNetError('usage', 'set LIVE_RELAY_SECRET, or pass --dev for development tokens');
  const turnSecret = process.env['LIVE_TURN_SECRET'];
  if (c.turnUrls.length > 0 && turnSecret === undefined)
    throw new HireNetError('usage', '--turn needs LIVE_TURN_SECRET (coturn static-auth-secret)');
  const relay = await startRelay({
    dev: c.dev,
    port: c.port,
    host: c.host,
    ...(secret === undefined ? {} : { secret }),
    ...(c.turnUrls.length > 0 && turnSecret !== undefined ? { turn: { urls: c.turnUrls, secret: turnSecret } } : {}),
    ...(c.origins.length > 0 ? { allowedOrigins: c.origins } : {}),
    log: (line) => console.log(`[live-relay] ${line}`),
  });
  const stop = (): void => void relay.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`[live-relay] ${(e as Error).message}`);
  process.exit(1);
});
