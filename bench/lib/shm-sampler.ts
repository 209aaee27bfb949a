/**
 * Samples the memory of this Node process's Chromium children from /proc once per interval: per
 * process role (bench/lib/proc-tree.ts roleOf) the PSS, the anonymous bytes, and the shared-memory
 * mappings (memfd or /dev/shm: Chromium's base::SharedMemory regions, which hold decoded video
 * frames and bitmaps) with their count and summed PSS. Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { roleOf } from './proc-tree.ts';

export interface RoleMemory {
  readonly processes: number;
  readonly pss: number;
  readonly anon: number;
  readonly shmMaps: number;
  readonly shmPss: number;
}

export interface MemorySample {
  /** Seconds since the sampler started. */
  readonly t: number;
  readonly label: string;
  readonly roles: Record<string, RoleMemory>;
}

function descendants(root: number): number[] {
  const pp = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      pp.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of pp) if (ppid === tree[i]) tree.push(pid);
  return tree.slice(1);
}

/** One process: PSS and anonymous bytes, and its shared-memory mappings from the full smaps. */
function processMemory(pid: number): Omit<RoleMemory, 'processes'> | undefined {
  try {
    const smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
    let pss = 0;
    let anon = 0;
    let shmMaps = 0;
    let shmPss = 0;
    let inShm = false;
    for (const line of smaps.split('\n')) {
      // A mapping's header: "start-end perms offset dev inode [path]".
      if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) {
        inShm = /memfd:|\/dev\/shm\//.test(line);
        if (inShm) shmMaps++;
        continue;
      }
      const m = /^(Pss|Anonymous):\s+(\d+) kB/.exec(line);
      if (!m) continue;
      const bytes = 1024 * Number(m[2]);
      if (m[1] === 'Pss') {
        pss += bytes;
        if (inShm) shmPss += bytes;
      } else anon += bytes;
    }
    return { pss, anon, shmMaps, shmPss };
  } catch {
    return undefined;
  }
}

export function sampleChromium(label: string, t: number): MemorySample {
  const roles: Record<string, RoleMemory> = {};
  for (const pid of descendants(process.pid)) {
    const role = roleOf(pid);
    if (!role.startsWith('chromium')) continue;
    const m = processMemory(pid);
    if (!m) continue;
    const r = roles[role] ?? { processes: 0, pss: 0, anon: 0, shmMaps: 0, shmPss: 0 };
    roles[role] = {
      processes: r.processes + 1,
      pss: r.pss + m.pss,
      anon: r.anon + m.anon,
      shmMaps: r.shmMaps + m.shmMaps,
      shmPss: r.shmPss + m.shmPss,
    };
  }
  return { t, label, roles };
}

/** Samples every `ms` until stop(); `label` may be changed between samples (phases). */
export function startSampler(ms = 1000): { samples: MemorySample[]; label: string; stop(): MemorySample[] } {
  const t0 = performance.now();
  const state = {
    samples: [] as MemorySample[],
    label: 'start',
    stop(): MemorySample[] {
      clearInterval(timer);
      return state.samples;
    },
  };
  const timer = setInterval(() => {
    state.samples.push(sampleChromium(state.label, (performance.now() - t0) / 1000));
  }, ms);
  return state;
}
