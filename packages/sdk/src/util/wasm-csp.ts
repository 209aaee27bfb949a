/**
 * Names the usual cause when WebAssembly cannot be compiled: a Content-Security-Policy whose
 * script-src lacks 'wasm-unsafe-eval'. tfjs and MediaPipe only log their CompileError and report
 * "initialisation failed", so the check compiles the smallest valid module itself.
 */

/** The 8-byte header that is a complete, empty WebAssembly module. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

export const WASM_CSP_HINT =
  "WebAssembly compilation is blocked by this page's Content-Security-Policy: " +
  "its script-src (or default-src) needs 'wasm-unsafe-eval' (docs/csp.md)";

const CSP_MESSAGE = /unsafe-eval|content security policy/i;

/** True when `e` is (or wraps) the CompileError / EvalError a CSP gives for blocked compilation. */
export function isWasmCspError(e: unknown): boolean {
  // tfjs wraps the CompileError in RuntimeError("Aborted(CompileError: …)"): the message tells.
  return CSP_MESSAGE.test(e instanceof Error ? e.message : String(e));
}

/** True when this realm (page or worker) may not compile WebAssembly because of its CSP. */
export function wasmBlockedByCsp(): boolean {
  if (typeof WebAssembly === 'undefined') return false;
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return false;
  } catch (e) {
    return isWasmCspError(e);
  }
}

/** `message`, followed by the CSP hint when `cause` or this realm shows compilation is blocked. */
export function withWasmCspHint(message: string, cause?: unknown): string {
  if (message.includes("'wasm-unsafe-eval'")) return message;
  return isWasmCspError(cause) || wasmBlockedByCsp() ? `${message}. ${WASM_CSP_HINT}` : message;
}
