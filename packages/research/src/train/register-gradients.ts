/**
 * tfjs-core ships without gradient functions; the union package registers them on the same
 * engine instance as '@tensorflow/tfjs-core' (CJS in Node, ESM in bundlers). Import this module
 * once, for its side effect, before computing gradients. Inference never needs it.
 */
import '@tensorflow/tfjs';
import { registerMatMulGradient } from './matmul-gradient.ts';

registerMatMulGradient();
