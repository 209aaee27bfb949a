// Placeholder demo: reports which tfjs backends initialise on this device. The interview
// demo itself is a later issue.
import { availableBackends } from '../../sdk/src/backend/backends.ts';
import { viteWasmPaths } from '../../sdk/src/backend/wasm-urls.vite.ts';

const out = document.getElementById('backends');

async function main(): Promise<void> {
  const found = await availableBackends({ wasmPaths: viteWasmPaths });
  if (out === null) return;
  out.textContent =
    found.length === 0
      ? 'No tfjs backend initialised on this device.'
      : `tfjs backends available: ${found.map((b) => `${b.name} (ready in ${Math.round(b.initMs)} ms)`).join(', ')}.`;
}

main().catch((e: unknown) => {
  if (out !== null) out.textContent = `Backend check failed: ${e instanceof Error ? e.message : String(e)}`;
});
