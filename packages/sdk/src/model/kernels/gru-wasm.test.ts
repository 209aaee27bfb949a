import { afterEach, describe, expect, it } from 'vitest';
import { gruLoopBackward, gruLoopForward } from '../gru-loop.ts';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync } from 'node:fs';
import { assembleWat, kernelModuleSource } from '../../../../../scripts/kernels-lib.ts';
import { GRU_SCAN_WASM } from './gru-scan-bytes.ts';
import { HireNetModel } from '../hirenet-model.ts';
import { gruWasm, setSimdEnabled } from './gru-wasm.ts';

const wave = (n: number, seed: number, scale: number): Float32Array =>
  Float32Array.from({ length: n }, (_, k) => scale * Math.sin(seed + k * 0.37));

afterEach(() => setSimdEnabled(true));

describe('WebAssembly SIMD GRU kernel', () => {
  it(
    'the committed bytes are the assembly of gru-scan.wat (rebuild: node --conditions=source --import ' +
      'tsx scripts/build-kernels.ts)',
    async () => {
      const wat = readFileSync(new URL('./gru-scan.wat', import.meta.url), 'utf8');
      const bytes = await assembleWat(wat, 'gru-scan.wat');
      expect(kernelModuleSource('GRU_SCAN_WASM', 'gru-scan.wat', bytes)).toBe(
        readFileSync(new URL('./gru-scan-bytes.ts', import.meta.url), 'utf8'),
      );
      expect(Buffer.from(GRU_SCAN_WASM, 'base64').equals(Buffer.from(bytes))).toBe(true);
    },
  );

  it('loads in Node 20 and computes the strided matmul like a float64 loop (to float32 rounding)', () => {
    const [s, u] = [5, 32];
    const k = gruWasm();
    expect(k).not.toBeNull();
    const f = k!.arena(3 * u * u + 3 * s * u);
    const [w, a, out] = [0, 3 * u * u, 3 * u * u + s * u];
    f.set(wave(3 * u * u, 1, 0.3), w);
    f.set(wave(s * u, 2, 0.8), a);
    // The candidate block: columns 2U..3U of R, written into rows 2U wide.
    k!.mm(4 * a, 4 * (w + 2 * u), 4 * out, s, u, u, 1, u, 3 * u, 2 * u);
    let worst = 0;
    for (let b = 0; b < s; b++) {
      for (let j = 0; j < u; j++) {
        let sum = 0;
        for (let q = 0; q < u; q++) sum += f[a + b * u + q]! * f[w + q * 3 * u + 2 * u + j]!;
        worst = Math.max(worst, Math.abs(sum - f[out + b * 2 * u + j]!));
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  for (const reverse of [false, true]) {
    it(`gruLoopForward agrees with and without SIMD (U = 32, uneven masks, reverse=${reverse})`, () => {
      const [l, s, u] = [60, 7, 32];
      const xp = wave(l * s * 3 * u, 3, 1.5);
      const rk = wave(u * 3 * u, 4, 0.4);
      const lengths = [60, 1, 0, 33, 59, 12, 60];
      const mask = Float32Array.from({ length: l * s }, (_, i) => (Math.floor(i / s) < lengths[i % s]! ? 1 : 0));
      const simd = gruLoopForward(xp, mask, rk, l, s, u, reverse);
      setSimdEnabled(false);
      const js = gruLoopForward(xp, mask, rk, l, s, u, reverse);
      let worst = 0;
      for (const key of ['h', 'z', 'r', 'c'] as const)
        for (let i = 0; i < js[key].length; i++) worst = Math.max(worst, Math.abs(js[key][i]! - simd[key][i]!));
      expect(worst).toBeLessThan(1e-5);
      // Rows whose length is 0 never leave h0 = 0.
      for (let t = 0; t < l; t++) for (let j = 0; j < u; j++) expect(simd.h[(t * s + 2) * u + j]).toBe(0);
    });
  }

  for (const reverse of [false, true]) {
    it(`gruLoopBackward agrees with and without SIMD (U = 16, uneven masks, reverse=${reverse})`, () => {
      const [l, s, u] = [45, 6, 16];
      const xp = wave(l * s * 3 * u, 5, 1.2);
      const rk = wave(u * 3 * u, 6, 0.5);
      const lengths = [45, 1, 0, 20, 44, 9];
      const mask = Float32Array.from({ length: l * s }, (_, i) => (Math.floor(i / s) < lengths[i % s]! ? 1 : 0));
      const trace = gruLoopForward(xp, mask, rk, l, s, u, reverse);
      const dh = wave(l * s * u, 7, 0.3);
      const simd = gruLoopBackward(trace, dh, mask, rk, l, s, u, reverse);
      setSimdEnabled(false);
      const js = gruLoopBackward(trace, dh, mask, rk, l, s, u, reverse);
      for (const key of ['dxp', 'drk'] as const) {
        const scale = Math.max(...js[key].map(Math.abs));
        let worst = 0;
        for (let i = 0; i < js[key].length; i++) worst = Math.max(worst, Math.abs(js[key][i]! - simd[key][i]!));
        expect(scale).toBeGreaterThan(1e-3);
        expect(worst / scale).toBeLessThan(1e-5);
      }
    });
  }
});

describe('batch-major inference path (gru-inference.ts)', () => {
  // bigru reads both final states (the reverse one at t = 0); hirenet reads the outputs.
  for (const variant of ['hirenet', 'bigru'] as const)
    it(
      [`${variant}: scores and attention agree with the generic path (JS loop) on uneven interviews, 32`, 'units'].join(
        ' ',
      ),
      async () => {
        await tf.setBackend('cpu');
        const model = HireNetModel.random({ inputDim: 7, wordDim: 5, variant }, 3);
        const rows = (n: number, w: number, seed: number): number[][] =>
          Array.from({ length: n }, (_, r) => Array.from(wave(w, seed + r, 1.1)));
        const interviews = [
          {
            jobTitle: rows(2, 5, 1),
            questions: [rows(4, 5, 2), rows(1, 5, 3), rows(6, 5, 4)],
            answers: [rows(37, 7, 5), null, rows(3, 7, 6)],
          },
          { jobTitle: rows(1, 5, 7), questions: [rows(2, 5, 8)], answers: [rows(50, 7, 9)] },
        ];
        const before = tf.memory().numTensors;
        const fast = await model.predict(interviews);
        setSimdEnabled(false);
        const generic = await model.predict(interviews);
        expect(tf.memory().numTensors).toBe(before);
        let worst = 0;
        fast.forEach((f, b) => {
          const g = generic[b]!;
          worst = Math.max(worst, Math.abs(f.score - g.score));
          f.questionAttention.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - g.questionAttention[i]!))));
          f.answerAttention.forEach((a, i) =>
            a.forEach((v, t) => (worst = Math.max(worst, Math.abs(v - g.answerAttention[i]![t]!)))),
          );
          expect(f.answerAttention.map((a) => a.length)).toEqual(g.answerAttention.map((a) => a.length));
        });
        expect(worst).toBeLessThan(1e-5);
        model.dispose();
      },
    );
});
