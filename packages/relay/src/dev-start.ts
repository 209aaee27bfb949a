/**
 * `npm start`: the development relay in this process and the demo's Vite server as a child, so
 * live.html works out of the box; stopping either stops both.
 */
import { spawn } from 'node:child_process';
import { startRelay } from './server.ts';

const relay = await startRelay({ dev: true, log: (line) => console.log(`[live-relay] ${line}`) });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const vite = spawn(npm, ['run', 'dev', '-w', '@hirenet/demo', '--', ...process.argv.slice(2)], { stdio: 'inherit' });
let stopping = false;
const stop = (code: number): void => {
  if (stopping) return;
  stopping = true;
  if (vite.exitCode === null) vite.kill('SIGTERM');
  void relay.close().then(() => process.exit(code));
};
vite.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
