/**
 * Fault injection for the browser tests, kept off the public classes: the owners (the face
 * analyser, a HireNet) register a crash function here, keyed by the object, and test pages import
 * `crashFaceWorker` through `@hirenet/sdk/internal/util/test-seams`. No public entry exports this file.
 */

const faceCrashers = new WeakMap<object, (slot: number) => void>();

/** Called by the owner: how to make its vision worker `slot` die as a wasm abort would. */
export function registerFaceCrasher(owner: object, crash: (slot: number) => void): void {
  faceCrashers.set(owner, crash);
}

/**
 * Makes vision worker `slot` of a FaceAnalyzer (or of a HireNet's analyser) die as a wasm abort would;
 * the analyser restarts it. Does nothing when the HireNet runs without a face channel.
 */
export function crashFaceWorker(owner: object, slot = 0): void {
  const crash = faceCrashers.get(owner);
  // An invariant of the test pages, never reachable from a host: a plain Error is enough.
  if (crash === undefined) throw new Error('crashFaceWorker: this object has no face analyser registered');
  crash(slot);
}
