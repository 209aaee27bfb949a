/**
 * Runs a command and samples its whole process tree (the CLI's Node process, Chromium and every
 * Chromium child) every 100 ms from /proc: the peak of the summed PSS (proportional set size, so
 * pages shared between Chromium's processes count once in all) and of the summed RSS (shared pages
 * counted in every process: an upper bound). Linux only.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeRun {
  readonly code: number | null;
  readonly wallMs: number;
  /** Peak of the tree's summed PSS / RSS over the samples, bytes. */
  readonly peakPss: number;
  readonly peakRss: number;
  /** Most processes seen at once in the tree. */
  readonly peakProcesses: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** pid → parent pid for every process readable now. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 follows the command name in parentheses, which may itself hold spaces or ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

function descendants(root: number): number[] {
  const pp = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of pp) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** Summed PSS and RSS (bytes) of `pids` from smaps_rollup; processes gone meanwhile count 0. */
function memoryOf(pids: readonly number[]): { pss: number; rss: number } {
  let pss = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += 1024 * Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      rss += 1024 * Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
    } catch {
      // Gone, or a kernel thread without smaps.
    }
  }
  return { pss, rss };
}

export async function runSampled(cmd: string, args: readonly string[], cwd: string): Promise<TreeRun> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peakPss = 0;
  let peakRss = 0;
  let peakProcesses = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const pids = descendants(child.pid);
    const m = memoryOf(pids);
    peakPss = Math.max(peakPss, m.pss);
    peakRss = Math.max(peakRss, m.rss);
    peakProcesses = Math.max(peakProcesses, pids.length);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return { code, wallMs: performance.now() - t0, peakPss, peakRss, peakProcesses, stdout, stderr };
}
