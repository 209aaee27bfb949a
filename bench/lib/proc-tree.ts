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
  /**
   * Peak of the summed anonymous memory (heaps, wasm memories; no file or shared-memory pages):
   * unlike PSS, it does not depend on what other processes on the machine map the same files.
   */
  readonly peakAnon: number;
  /** Most processes seen at once in the tree. */
  readonly peakProcesses: number;
  /** PSS per process at the PSS peak, largest first: role (roleOf) and bytes. */
  readonly atPeak: { role: string; pss: number }[];
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

/** What a process of the tree is, from its command line: node, or Chromium's process type. */
export function roleOf(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    if (/\bnode\b/.test(cmd.split(' ')[0] ?? '')) return 'node';
    // Chromium rewrites its command line; the switches that remain still tell the types apart.
    if (cmd.includes('--renderer-client-id=')) return 'chromium renderer';
    if (cmd.includes('--gpu-preferences=')) return 'chromium gpu';
    if (cmd.includes('--ozone-override-screen-size')) return 'chromium zygote';
    if (cmd.includes('--field-trial-handle=')) return 'chromium utility';
    if (/chrom/.test(cmd)) return cmd.includes('--single-process') ? 'chromium (single process)' : 'chromium browser';
    return cmd.split(' ')[0]?.split('/').pop() ?? '?';
  } catch {
    return '?';
  }
}

interface ProcMemory {
  readonly pid: number;
  readonly pss: number;
  readonly rss: number;
  readonly anon: number;
}

/** PSS, RSS and anonymous bytes of each of `pids` from smaps_rollup; processes gone meanwhile count 0. */
function memoryOf(pids: readonly number[]): ProcMemory[] {
  const kb = (text: string, key: string): number =>
    1024 * Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return pids.map((pid) => {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      return { pid, pss: kb(text, 'Pss'), rss: kb(text, 'Rss'), anon: kb(text, 'Anonymous') };
    } catch {
      return { pid, pss: 0, rss: 0, anon: 0 }; // gone, or a kernel thread without smaps
    }
  });
}

export async function runSampled(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TreeRun> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peakPss = 0;
  let peakRss = 0;
  let peakAnon = 0;
  let peakProcesses = 0;
  let atPeak: { role: string; pss: number }[] = [];
  const sum = (m: readonly ProcMemory[], k: 'pss' | 'rss' | 'anon'): number => m.reduce((a, p) => a + p[k], 0);
  const sample = (): void => {
    if (child.pid === undefined) return;
    const pids = descendants(child.pid);
    const m = memoryOf(pids);
    if (sum(m, 'pss') > peakPss) {
      peakPss = sum(m, 'pss');
      // Roles now: a process's command line is gone once it exits.
      atPeak = m.filter((p) => p.pss > 0).map((p) => ({ role: roleOf(p.pid), pss: p.pss }));
    }
    peakRss = Math.max(peakRss, sum(m, 'rss'));
    peakAnon = Math.max(peakAnon, sum(m, 'anon'));
    peakProcesses = Math.max(peakProcesses, pids.length);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return {
    code,
    wallMs: performance.now() - t0,
    peakPss,
    peakRss,
    peakAnon,
    peakProcesses,
    atPeak: atPeak.sort((a, b) => b.pss - a.pss),
    stdout,
    stderr,
  };
}
