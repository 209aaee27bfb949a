import { describe, expect, it } from 'vitest';
import { isWasmCspError, WASM_CSP_HINT, wasmBlockedByCsp, withWasmCspHint } from './wasm-csp.ts';

// Chromium's wording for a page whose script-src lacks 'wasm-unsafe-eval' (measured, Chromium 156).
const BLOCKED =
  'WebAssembly.instantiate(): Compiling or instantiating WebAssembly module violates the following ' +
  "Content Security policy directive because 'unsafe-eval' is not an allowed source of script";

describe('wasm CSP hint', () => {
  it("recognises the CSP CompileError, also wrapped in Emscripten's Aborted(…)", () => {
    const compile = Object.assign(new Error(BLOCKED), { name: 'CompileError' });
    expect(isWasmCspError(compile)).toBe(true);
    expect(isWasmCspError(new Error(`Aborted(CompileError: ${BLOCKED})`))).toBe(true);
    expect(isWasmCspError(new Error('HTTP 404 for tfjs-backend-wasm-simd.wasm'))).toBe(false);
  });

  it("adds the 'wasm-unsafe-eval' hint only when the cause is a CSP block", () => {
    expect(withWasmCspHint('FaceLandmarker could not start', new Error(BLOCKED))).toBe(
      `FaceLandmarker could not start. ${WASM_CSP_HINT}`,
    );
    expect(WASM_CSP_HINT).toMatch(/'wasm-unsafe-eval'/);
    // Node has no CSP: compiling the empty module works, so an unrelated failure gets no hint.
    expect(wasmBlockedByCsp()).toBe(false);
    expect(withWasmCspHint('model.json: HTTP 404', new Error('HTTP 404'))).toBe('model.json: HTTP 404');
  });
});
