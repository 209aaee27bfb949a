/** Where and on what a benchmark ran: recorded with every result so figures stay comparable. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly chromium: string | null;
  readonly tfjs: string;
  readonly gitCommit: string;
  /** True when tracked files differ from the commit (the figures then describe a work tree). */
  readonly gitDirty: boolean;
  /** os.loadavg() at the start and end: the machine is shared, so timings are upper bounds. */
  readonly loadAverageStart: number[];
  loadAverageEnd: number[];
  readonly startedAt: string;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(tfjsVersion: string): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: null,
    tfjs: tfjsVersion,
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    loadAverageStart: loadavg().map((v) => Math.round(v * 100) / 100),
    loadAverageEnd: [],
    startedAt: new Date().toISOString(),
  };
}
