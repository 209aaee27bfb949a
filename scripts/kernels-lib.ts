/** WAT → wasm bytes (wabt) and the generated module's text; shared by build-kernels.ts and its test. */
import wabtInit from 'wabt';

export async function assembleWat(text: string, filename: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat(filename, text, { simd: true });
  try {
    mod.validate();
    return mod.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    mod.destroy();
  }
}

export function kernelModuleSource(name: string, wat: string, bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString('base64');
  const lines = b64.match(/.{1,100}/g) ?? [];
  return [
    `// Generated from ${wat} by scripts/build-kernels.ts — do not edit; edit the .wat and rebuild.`,
    `/** ${bytes.length} bytes of WebAssembly (SIMD), base64. */`,
    `export const ${name} =`,
    ...lines.map((l, i) => `  '${l}'${i === lines.length - 1 ? ';' : ' +'}`),
    '',
  ].join('\n');
}
