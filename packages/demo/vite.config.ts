import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot } from 'vite';

// ../shared (fixtures, the face model) sits beside the checkout; the local demo may read it.
const shared = fileURLToPath(new URL('../../../shared', import.meta.url));

export default defineConfig({
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), shared] },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  optimizeDeps: {
    include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-webgpu'],
    // MediaPipe loads its own wasm at run time; pre-bundling breaks that.
    exclude: ['@mediapipe/tasks-vision'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
