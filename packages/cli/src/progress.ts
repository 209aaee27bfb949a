import { stderr } from 'node:process';
import type { EpochReport } from '@hirenet/research/internal/train/trainer';

/** Terminal progress on stderr (stdout stays clean for machine-readable output). */
export function epochLine(e: EpochReport): string {
  const v = e.validation;
  return [
    `epoch ${String(e.epoch).padStart(2)}  loss ${e.trainLoss.toFixed(4)}  val F1 ${v.f1.toFixed(3)}`,
    `P ${v.precision.toFixed(3)} R ${v.recall.toFixed(3)} AUC ${v.auc.toFixed(3)} `,
    `${e.seconds.toFixed(1)} s${e.best ? '  *best' : ''}`,
  ].join(' ');
}

export function batchProgress(done: number, total: number): void {
  if (stderr.isTTY) stderr.write(`\r  batch ${done}/${total}${done === total ? '\r\x1b[K' : ''}`);
}
