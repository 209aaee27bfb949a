import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, searchForWorkspaceRoot } from 'vite';
import { cspHeaders } from './csp.ts';
import { defaultSources, hirenetAssets } from './vite-assets.ts';

// ../shared (fixtures, the face model) sits beside the checkout; the local demo may read it.
const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  // The SDK's workspace sources (its "source" export condition), not a dist/ that may be stale.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), shared] },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      'meyda',
      'comlink',
      'mediabunny',
    ],
    // MediaPipe loads its own wasm at run time; pre-bundling breaks that.
    exclude: ['@mediapipe/tasks-vision'],
  },
  // cspHeaders: the strict policy of docs/csp.md (with frame-ancestors) on every response.
  plugins: [hirenetAssets(defaultSources(repoRoot, shared)), cspHeaders()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // One entry per page: the demo, the minimal third-party embed example, the `hirenet analyze` report page, the live
    // room.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
        analyze: fileURLToPath(new URL('./analyze.html', import.meta.url)),
        live: fileURLToPath(new URL('./live.html', import.meta.url)),
      },
    },
  },
});
