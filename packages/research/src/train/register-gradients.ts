/**
 * tfjs-core ships without gradient functions; tfjs-gradients.ts registers them on the same
 * engine as '@tensorflow/tfjs-core' (CJS in Node, ESM in bundlers). Import this module once, for
 * its side effect, before computing gradients. Inference never needs it.
 */
import './tfjs-gradients.ts';
import { registerMatMulGradient } from './matmul-gradient.ts';

registerMatMulGradient();
