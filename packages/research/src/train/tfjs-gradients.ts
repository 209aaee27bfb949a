/**
 * Registers tfjs-core's gradient functions (tfjs-core ships without them; training needs them,
 * inference never does). In the workspace this imports the `@tensorflow/tfjs` union (a root
 * devDependency), which registers them on the same global registry as '@tensorflow/tfjs-core'.
 * The published build replaces this module's output with tfjs-core's own
 * `register_all_gradients` bundled by esbuild (scripts/build-packages.ts, ~0.14 MB), so
 * installing @hirenet/research does not pull the union's layers, converter and data packages
 * (~210 MB). Gradient and engine registries are global in tfjs-core, so either copy registers
 * into the one engine the trainer uses.
 */
import '@tensorflow/tfjs';
