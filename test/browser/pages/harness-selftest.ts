// Exercises what the harness promises to record: worker requests, request bodies, page errors.
import { exposeRun } from '../harness/page.ts';

exposeRun(async ({ throwLater }: { throwLater: boolean }) => {
  const worker = new Worker(new URL('./harness-selftest.worker.ts', import.meta.url), { type: 'module' });
  const status = await new Promise<number>((resolve) => {
    worker.onmessage = (e: MessageEvent<number>) => resolve(e.data);
  });
  worker.terminate();
  await fetch('/favicon.ico?from=page');
  if (throwLater)
    setTimeout(() => {
      throw new Error('deliberate uncaught error');
    }, 0);
  return { workerStatus: status };
});
