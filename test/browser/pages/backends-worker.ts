// Runs the backend probe inside a module worker, where the model will eventually run.
import type { BackendName } from '../../../packages/sdk/src/backend/backends.ts';
import { exposeRun } from '../harness/page.ts';
import type { WorkerProbeResult } from './backends.worker.ts';

exposeRun(async ({ backend }: { backend: BackendName }) => {
  const worker = new Worker(new URL('./backends.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<WorkerProbeResult>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<WorkerProbeResult>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
      worker.postMessage(backend);
    });
  } finally {
    worker.terminate();
  }
});
