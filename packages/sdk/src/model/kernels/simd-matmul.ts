/**
 * A WebAssembly SIMD kernel for the GRU loop's per-step matmul, assembled from bytes here (no
 * toolchain, no fetch: ~200 bytes compiled synchronously). V8 does not vectorise JS, so the JS
 * loop tops out near 0.5 ns per multiply-add; f32x4 does four per instruction.
 *
 *   out[b·ostride + j] = Σ_q a[b·u + q] · w[q·wstride + j]   for b < s, j < cols (cols % 16 = 0)
 *
 * Accumulation is float32, in q order — the same as tfjs' own matMul on cpu/wasm.
 * Unavailable (null) where WebAssembly SIMD is not (old engines, CSP without wasm-unsafe-eval).
 */

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const str = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];

// Locals: params a w out s u cols wstride ostride (0–7), then i32 b jb q ap wp op (8–13), v128 acc0–3 x (14–18).
const [A, W, OUT, S, U, COLS, WSTRIDE, OSTRIDE, B, JB, Q, AP, WP, OP] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
const ACC = [14, 15, 16, 17];
const X = 18;
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const i32c = (v: number): number[] => [0x41, ...leb(v)];
const ADD = 0x6a;
const MUL = 0x6c;
const SHL = 0x74;
const GE_S = 0x4e;
const EQZ = 0x45;
const SUB = 0x6b;
const v128load = (offset: number): number[] => [0xfd, 0x00, 4, ...leb(offset)];
const v128store = (offset: number): number[] => [0xfd, 0x0b, 4, ...leb(offset)];
const F32X4_ADD = [0xfd, 0xe4, 0x01];
const F32X4_MUL = [0xfd, 0xe6, 0x01];
const F32X4_SPLAT = [0xfd, 0x13];
const V128_ZERO = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

function body(): number[] {
  const code: number[] = [
    ...i32c(0), ...set(B),
    0x02, 0x40, 0x03, 0x40, // block loop (rows)
    ...get(B), ...get(S), GE_S, 0x0d, 1,
    ...i32c(0), ...set(JB),
    0x02, 0x40, 0x03, 0x40, // block loop (16-column blocks)
    ...get(JB), ...get(COLS), GE_S, 0x0d, 1,
    ...V128_ZERO, 0x22, ACC[0]!, 0x22, ACC[1]!, 0x22, ACC[2]!, ...set(ACC[3]!),
    ...get(A), ...get(B), ...get(U), MUL, ...i32c(2), SHL, ADD, ...set(AP),
    ...get(W), ...get(JB), ...i32c(2), SHL, ADD, ...set(WP),
    ...get(U), ...set(Q),
    0x02, 0x40, 0x03, 0x40, // block loop (q)
    ...get(Q), EQZ, 0x0d, 1,
    ...get(AP), 0x2a, 2, 0, ...F32X4_SPLAT, ...set(X),
    ...ACC.flatMap((acc, k) => [...get(acc), ...get(X), ...get(WP), ...v128load(16 * k), ...F32X4_MUL, ...F32X4_ADD, ...set(acc)]),
    ...get(AP), ...i32c(4), ADD, ...set(AP),
    ...get(WP), ...get(WSTRIDE), ...i32c(2), SHL, ADD, ...set(WP),
    ...get(Q), ...i32c(1), SUB, ...set(Q),
    0x0c, 0, 0x0b, 0x0b, // br q-loop; end loop; end block
    ...get(OUT), ...get(B), ...get(OSTRIDE), MUL, ...get(JB), ADD, ...i32c(2), SHL, ADD, ...set(OP),
    ...ACC.flatMap((acc, k) => [...get(OP), ...get(acc), ...v128store(16 * k)]),
    ...get(JB), ...i32c(16), ADD, ...set(JB),
    0x0c, 0, 0x0b, 0x0b,
    ...get(B), ...i32c(1), ADD, ...set(B),
    0x0c, 0, 0x0b, 0x0b,
    0x0b, // end function
  ]; // prettier-ignore
  const locals = [2, 6, 0x7f, 5, 0x7b];
  return [...leb(locals.length + code.length), ...locals, ...code];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 8, ...new Array<number>(8).fill(0x7f), 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0x00, 1]),
    ...section(7, [2, ...str('mem'), 0x02, 0, ...str('mm'), 0x00, 0]),
    ...section(10, [1, ...body()]),
  ]); // prettier-ignore
}

type MatMul = (a: number, w: number, out: number, s: number, u: number, cols: number, wstride: number, ostride: number) => void;

/** Float32 scratch memory shared with the kernel; offsets are in floats. */
export interface SimdArena {
  readonly f32: Float32Array;
  mm(aOff: number, wOff: number, outOff: number, s: number, u: number, cols: number, wstride: number, ostride: number): void;
}

let instance: { memory: WebAssembly.Memory; mm: MatMul } | null | undefined;

function load(): { memory: WebAssembly.Memory; mm: MatMul } | null {
  if (instance !== undefined) return instance;
  try {
    const bytes = moduleBytes();
    if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return (instance = null);
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as { mem: WebAssembly.Memory; mm: MatMul };
    instance = { memory: exports.mem, mm: exports.mm };
  } catch {
    instance = null;
  }
  return instance;
}

/** Disables the kernel (tests compare it with the JS loop); `true` re-enables it. */
export function setSimdEnabled(enabled: boolean): void {
  instance = enabled ? undefined : null;
}

/** An arena of at least `floats` floats, or null when SIMD wasm is unavailable here. */
export function simdArena(floats: number): SimdArena | null {
  const k = load();
  if (k === null) return null;
  const needed = Math.ceil((floats * 4) / 65536) - k.memory.buffer.byteLength / 65536;
  if (needed > 0) k.memory.grow(needed);
  const f32 = new Float32Array(k.memory.buffer);
  return {
    f32,
    mm: (aOff, wOff, outOff, s, u, cols, wstride, ostride) => k.mm(aOff * 4, wOff * 4, outOff * 4, s, u, cols, wstride, ostride),
  };
}
