/**
 * The whole GRU recurrence as ONE WebGPU compute dispatch per layer (inference only).
 * Per-step tfjs ops cost ~10 dispatches × L steps; here the shader walks all L steps itself,
 * either one workgroup per sequence with the hidden state in workgroup memory ('unit') or one
 * invocation per sequence ('row'); see GruScanStrategy.
 * Same contract as gruLoopForward (gru-loop.ts): xp [L, S, 3U] time-major projections
 * (x·K + b, gates z|r|h), rk [U, 3U], mask [L, S] (1 real, 0 padding carries the state),
 * result [L, S, U] states after every step; `reverse` reads t = L−1 … 0.
 */
import * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-webgpu's WebGPUBackend this kernel uses (kept structural so the
 * SDK does not import the backend package just for a type). */
interface ProgramRunner {
  runWebGPUProgram(program: GruScanProgram, inputs: tf.TensorInfo[], outputDtype: tf.DataType): tf.TensorInfo;
}

/** Largest U: one invocation per unit, and WebGPU guarantees 256 invocations per workgroup. */
export const MAX_WEBGPU_UNITS = 256;

/**
 * How invocations share the work. 'unit': one workgroup per sequence, one invocation per unit,
 * the state in workgroup memory (2 barriers per step) — what suits a real GPU. 'row': one
 * invocation per sequence walks every unit itself, the state in private memory, no barriers —
 * what suits SwiftShader (a CPU rasteriser, where each barrier is a costly fiber switch).
 */
export type GruScanStrategy = 'unit' | 'row';

/** Rows per workgroup in the 'row' strategy (SwiftShader runs invocations 4-wide). */
const ROWS_PER_GROUP = 8;

/** A WebGPUProgram (tfjs-backend-webgpu's program interface) for the scan. */
export class GruScanProgram {
  readonly variableNames = ['xp', 'rk', 'mask'];
  readonly outputShape: number[];
  readonly shaderKey: string;
  // Flat layout: tfjs then calls main(globalIndex); the kernel uses workgroupId/localId itself.
  readonly dispatchLayout: { x: number[] };
  readonly dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number];

  constructor(
    l: number,
    s: number,
    private readonly u: number,
    private readonly reverse: boolean,
    private readonly strategy: GruScanStrategy,
  ) {
    this.outputShape = [l, s, u];
    this.dispatchLayout = { x: [0, 1, 2] };
    this.dispatch = strategy === 'unit' ? [s, 1, 1] : [Math.ceil(s / ROWS_PER_GROUP), 1, 1];
    this.workgroupSize = strategy === 'unit' ? [u, 1, 1] : [ROWS_PER_GROUP, 1, 1];
    // L and S come from the xp shape uniform, so one compiled pipeline serves every batch shape.
    this.shaderKey = `hirenetGruScan_${strategy}_${u}_${reverse ? 'rev' : 'fwd'}`;
  }

  getUserCode(): string {
    return this.strategy === 'unit' ? this.unitCode() : this.rowCode();
  }

  private rowCode(): string {
    const u = this.u;
    return `
      ${ACTIVATIONS}
      fn main(index : i32) {
        let b = i32(workgroupId.x) * ${ROWS_PER_GROUP} + i32(localId.x);
        let steps = uniforms.xpShape.x;
        let rows = uniforms.xpShape.y;
        if (b >= rows) { return; }
        var h : array<f32, ${u}>;
        var z : array<f32, ${u}>;
        var rh : array<f32, ${u}>;
        for (var j = 0; j < ${u}; j++) { h[j] = 0.0; }
        for (var k = 0; k < steps; k++) {
          let t = ${this.reverse ? 'steps - 1 - k' : 'k'};
          let x = (t * rows + b) * ${3 * u};
          for (var j = 0; j < ${u}; j++) {
            var az = xp[x + j];
            var ar = xp[x + ${u} + j];
            for (var q = 0; q < ${u}; q++) {
              az = az + h[q] * rk[q * ${3 * u} + j];
              ar = ar + h[q] * rk[q * ${3 * u} + ${u} + j];
            }
            z[j] = gruSigmoid(az);
            rh[j] = gruSigmoid(ar) * h[j];
          }
          let m = mask[t * rows + b];
          let out = (t * rows + b) * ${u};
          // h is read by every candidate sum, so new states go to the output first and h after.
          for (var j = 0; j < ${u}; j++) {
            var ac = xp[x + ${2 * u} + j];
            for (var q = 0; q < ${u}; q++) { ac = ac + rh[q] * rk[q * ${3 * u} + ${2 * u} + j]; }
            let c = gruTanh(ac);
            let p = h[j];
            result[out + j] = p + m * ((c + z[j] * (p - c)) - p);
          }
          for (var j = 0; j < ${u}; j++) { h[j] = result[out + j]; }
        }
      }
    `;
  }

  private unitCode(): string {
    const u = this.u;
    return `
      var<workgroup> hState : array<f32, ${u}>;
      var<workgroup> rhState : array<f32, ${u}>;
      ${ACTIVATIONS}

      fn main(index : i32) {
        let j = i32(localId.x);
        let b = i32(workgroupId.x);
        let steps = uniforms.xpShape.x;
        let rows = uniforms.xpShape.y;
        hState[j] = 0.0;
        workgroupBarrier();
        for (var k = 0; k < steps; k++) {
          let t = ${this.reverse ? 'steps - 1 - k' : 'k'};
          let x = (t * rows + b) * ${3 * u};
          var az = xp[x + j];
          var ar = xp[x + ${u} + j];
          for (var q = 0; q < ${u}; q++) {
            let hq = hState[q];
            az = az + hq * rk[q * ${3 * u} + j];
            ar = ar + hq * rk[q * ${3 * u} + ${u} + j];
          }
          let z = gruSigmoid(az);
          let p = hState[j];
          rhState[j] = gruSigmoid(ar) * p;
          // Every invocation has read hState and written rhState before anyone reads rhState.
          workgroupBarrier();
          var ac = xp[x + ${2 * u} + j];
          for (var q = 0; q < ${u}; q++) {
            ac = ac + rhState[q] * rk[q * ${3 * u} + ${2 * u} + j];
          }
          let c = gruTanh(ac);
          let next = c + z * (p - c);
          let hv = p + mask[t * rows + b] * (next - p);
          hState[j] = hv;
          result[(t * rows + b) * ${u} + j] = hv;
          // The next step reads all of hState and rewrites rhState.
          workgroupBarrier();
        }
      }
    `;
  }
}

const ACTIVATIONS = `
  fn gruSigmoid(v : f32) -> f32 { return 1.0 / (1.0 + exp(-v)); }
  // tanh via exp(−2|v|): never overflows, unlike (e^2v − 1)/(e^2v + 1) for large v.
  fn gruTanh(v : f32) -> f32 { let e = exp(-2.0 * abs(v)); return sign(v) * (1.0 - e) / (1.0 + e); }
`;

let strategy: GruScanStrategy | 'auto' = 'auto';

/** Forces an invocation layout; 'auto' (default) picks 'row' on SwiftShader and 'unit' elsewhere. */
export function setWebgpuGruStrategy(s: GruScanStrategy | 'auto'): void {
  strategy = s;
}

/** The layout used on the active webgpu backend (reads the adapter tfjs recorded). */
export function webgpuGruStrategy(): GruScanStrategy {
  if (strategy !== 'auto') return strategy;
  const info = (tf.backend() as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
  // Chromium's CPU fallback adapter reports architecture 'swiftshader' (vendor 'google').
  return /swiftshader/i.test(`${info?.architecture ?? ''} ${info?.vendor ?? ''}`) ? 'row' : 'unit';
}

/** True when the active backend is webgpu and the unit count fits one workgroup. */
export function webgpuScanAvailable(u: number): boolean {
  return tf.getBackend() === 'webgpu' && u >= 1 && u <= MAX_WEBGPU_UNITS;
}

/** States [L, S, U] of the scan, computed on the GPU in one dispatch. */
export function webgpuGruStates(
  xp: tf.Tensor3D,
  rk: tf.Tensor2D,
  maskTimeMajor: tf.Tensor2D,
  reverse: boolean,
): tf.Tensor3D {
  const [l, s] = xp.shape;
  const u = rk.shape[0];
  if (l === 0 || s === 0) return tf.zeros([l, s, u]);
  const backend = tf.backend() as unknown as ProgramRunner;
  const program = new GruScanProgram(l, s, u, reverse, webgpuGruStrategy());
  const info = backend.runWebGPUProgram(program, [xp, rk, maskTimeMajor], 'float32');
  return tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor3D;
}
