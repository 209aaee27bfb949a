/**
 * The checked fetch of a landmarker's .task bundle (face, pose), in the vision worker. MediaPipe
 * reads only a stored (uncompressed) zip, so the bundle travels gzip-compressed instead
 * (`face_landmarker.task.gz`, 11 % smaller: what `npx hirenet assets` writes): bytes that start
 * with the gzip magic are unpacked here with DecompressionStream, off the page's main thread. A
 * server that adds `Content-Encoding: gzip` for .gz files hands fetch the plain bundle already,
 * and a plain .task is taken as is. The sha256 is always that of the plain bundle.
 */
import { VideoError } from './errors.ts';

/** Larger than any landmarker bundle (the face one is 3.6 MB, pose lite 5.8 MB): a gzip bomb stops here. */
export const MAX_TASK_BYTES = 64 * 1024 * 1024;

/** True when `bytes` start with the gzip magic 1f 8b (a .task is a zip: it starts with PK). */
export const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** A landmarker's .task bundle, checked against `sha256` when given; `what` names it in errors ("face model"). */
export async function loadTaskModel(url: string, sha256: string | null, what: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new VideoError('video-model', `${what} could not be fetched from ${url}: ${String(e)}`, { cause: e });
  }
  if (isGzip(bytes)) bytes = await gunzip(bytes, `${what} (${url})`);
  if (sha256 !== null) {
    const got = hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    if (got !== sha256) throw new VideoError('video-model', `${what} sha256 ${got} ≠ expected ${sha256} (${url})`);
  }
  return bytes;
}

/** Unpacks gzip bytes; corrupt, truncated or oversized input is a `video-model` error (never a hang). */
export async function gunzip(bytes: Uint8Array, what: string, max = MAX_TASK_BYTES): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function')
    throw new VideoError(
      'video-model',
      `${what} is gzip-compressed and this browser cannot unpack it: serve the .task`,
    );
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (e) {
      throw new VideoError('video-model', `${what} is not a valid gzip file: ${String(e)}`, { cause: e });
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new VideoError('video-model', `${what} unpacks to more than ${max} bytes: not a landmarker bundle`);
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}
