/**
 * Loads the GRU WebAssembly module (gru-scan.wat, committed as gru-scan-bytes.ts): compiled
 * synchronously from ~2.4 kB in memory — nothing fetched, no toolchain. Unavailable (null) where
 * WebAssembly SIMD is not (old engines, a CSP without 'wasm-unsafe-eval'); callers then run the
 * JS loop.
 */
import { GRU_SCAN_WASM } from './gru-scan-bytes.ts';

type MatMul = (
  a: number,
  w: number,
  out: number,
  s: number,
  u: number,
  arow: number,
  acol: number,
  cols: number,
  wstride: number,
  ostride: number,
) => void;
type Scan = (
  xp: number,
  xsT: number,
  xsB: number,
  mask: number,
  msT: number,
  msB: number,
  rk: number,
  bias: number,
  h: number,
  hsT: number,
  hsB: number,
  z: number,
  r: number,
  c: number,
  hp: number,
  rh: number,
  g: number,
  l: number,
  s: number,
  u: number,
  reverse: number,
  trace: number,
) => void;
type Back = (
  dh: number,
  mask: number,
  rkT: number,
  h: number,
  z: number,
  r: number,
  c: number,
  dxp: number,
  hpall: number,
  rhall: number,
  carry: number,
  drh: number,
  tmp: number,
  zero: number,
  l: number,
  s: number,
  u: number,
  reverse: number,
) => void;
type WGrad = (dxp: number, hpall: number, rhall: number, drk: number, n: number, u: number) => void;

export interface GruWasm {
  /** Float32 view of the module memory with room for at least the floats asked for; offsets in floats. */
  arena(floats: number): Float32Array;
  /** Byte-offset entry points, see gru-scan.wat. */
  readonly mm: MatMul;
  readonly scan: Scan;
  readonly back: Back;
  readonly wgrad: WGrad;
}

let instance: GruWasm | null | undefined;

function decode(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}

/** The module, instantiated once per realm (page, worker, Node process). */
export function gruWasm(): GruWasm | null {
  if (instance !== undefined) return instance;
  try {
    const bytes = decode(GRU_SCAN_WASM);
    if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) {
      instance = null;
      return null;
    }
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as {
      mem: WebAssembly.Memory;
      mm: MatMul;
      scan: Scan;
      back: Back;
      wgrad: WGrad;
    };
    const memory = exports.mem;
    instance = {
      arena(floats: number): Float32Array {
        const needed = Math.ceil((floats * 4) / 65536) - memory.buffer.byteLength / 65536;
        if (needed > 0) memory.grow(needed);
        return new Float32Array(memory.buffer);
      },
      mm: exports.mm,
      scan: exports.scan,
      back: exports.back,
      wgrad: exports.wgrad,
    };
  } catch {
    instance = null;
  }
  return instance;
}

/** Disables the module (tests and the bench compare it with the JS loop); `true` re-enables it. */
export function setSimdEnabled(enabled: boolean): void {
  instance = enabled ? undefined : null;
}
