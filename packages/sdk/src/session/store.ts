/**
 * Session persistence in IndexedDB (one database, one object store keyed by session id) and
 * the erasure of every trace the SDK can leave: that database, Cache Storage entries and
 * localStorage keys under the `hirenet` prefix. About 60 lines of plain IndexedDB, which is
 * less to audit than a wrapper dependency.
 */
import type { Transcript } from '../text/transcript.ts';
import type { EventLogJson } from './event-log-types.ts';
import { SessionError } from './errors.ts';
import type { AnswerRecord, ConsentRecord, InterviewResult, SessionModality, SessionWarning } from './types.ts';

export const DB_NAME = 'hirenet';
const STORE = 'sessions';
/** Prefix of every localStorage key and Cache Storage name the SDK may use. */
export const STORAGE_PREFIX = 'hirenet';
export const CURRENT_KEY = `${STORAGE_PREFIX}:current-session`;

export interface StoredSession {
  readonly id: string;
  readonly createdAt: string;
  readonly jobTitle: string;
  readonly questions: readonly string[];
  readonly modalities: readonly SessionModality[];
  readonly consent: ConsentRecord | null;
  readonly answers: readonly (AnswerRecord | null)[];
  readonly warnings: readonly SessionWarning[];
  readonly result: InterviewResult | null;
  /** Per question: the answer's transcript (text channel), or null; absent in records from before it. */
  readonly transcripts?: readonly (Transcript | null)[];
  /** Event logs of this session, one per page load that worked on it (oldest first). */
  readonly logs: readonly EventLogJson[];
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () =>
      reject(new SessionError('storage', `IndexedDB: ${r.error?.message ?? 'request failed'}`, { cause: r.error }));
  });
}

function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB_NAME, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
  return request(r);
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(fn(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new SessionError('storage', `IndexedDB: ${tx.error?.message ?? 'transaction failed'}`));
      tx.onabort = () => reject(new SessionError('storage', 'IndexedDB transaction aborted'));
    });
    return result;
  } catch (e) {
    // A DOMException thrown by the call itself (QuotaExceededError, DataCloneError) is a storage
    // failure too: one typed code for the host to branch on.
    if (e instanceof SessionError) throw e;
    throw new SessionError('storage', `IndexedDB: ${(e as Error).name}: ${(e as Error).message}`, { cause: e });
  } finally {
    // Closing at once matters: an open connection would block deleteDatabase() later.
    db.close();
  }
}

// Every storage operation of this page runs one after another: a save that started before a
// deletion finishes before it, and nothing queued after a deletion can run before it — so a
// deletion is never undone by a save still in flight (issue 13), and deleteDatabase() never
// meets a connection of our own.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(op: () => Promise<T>): Promise<T> {
  const run = queue.then(op, op);
  queue = run.catch(() => undefined);
  return run;
}

/** Saves `s`; `current` also makes it the page's current session (localStorage), in the same turn. */
export function saveSession(s: StoredSession, current = false): Promise<void> {
  return serial(async () => {
    await withStore('readwrite', (st) => st.put(structuredClone(s)));
    if (current) globalThis.localStorage?.setItem(CURRENT_KEY, s.id);
  });
}

export function loadSession(id: string): Promise<StoredSession | undefined> {
  return serial(async () => (await withStore('readonly', (st) => st.get(id))) as StoredSession | undefined);
}

export function listSessions(): Promise<StoredSession[]> {
  return serial(async () => (await withStore('readonly', (st) => st.getAll())) as StoredSession[]);
}

export function removeSession(id: string): Promise<void> {
  return serial(async () => {
    await withStore('readwrite', (st) => st.delete(id));
    if (globalThis.localStorage?.getItem(CURRENT_KEY) === id) globalThis.localStorage.removeItem(CURRENT_KEY);
  });
}

/** How long a deletion waits for another tab's connection to close before it says so. */
const BLOCKED_MS = 5000;

/** Deletes the database, the SDK's caches and localStorage keys. Resolves once all are gone. */
export function wipeAll(): Promise<void> {
  return serial(wipeNow);
}

async function wipeNow(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    let timer: ReturnType<typeof setTimeout> | undefined;
    r.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    r.onerror = () => {
      clearTimeout(timer);
      reject(new SessionError('storage', `could not delete the IndexedDB database: ${r.error?.message ?? ''}`));
    };
    // Our own connections are closed (serial queue), so a block is another tab; the deletion still
    // completes when that tab lets go, but not waiting forever: say so after BLOCKED_MS.
    r.onblocked = () => {
      timer = setTimeout(
        () =>
          reject(
            new SessionError(
              'storage',
              'deleting the IndexedDB database is blocked by another open tab of this site; close it and retry',
            ),
          ),
        BLOCKED_MS,
      );
    };
  });
  if (globalThis.caches !== undefined) {
    for (const name of await caches.keys()) if (name.startsWith(STORAGE_PREFIX)) await caches.delete(name);
  }
  const ls = globalThis.localStorage;
  if (ls !== undefined) {
    const keys = Array.from({ length: ls.length }, (_, i) => ls.key(i)).filter(
      (k): k is string => k?.startsWith(STORAGE_PREFIX) === true,
    );
    for (const k of keys) ls.removeItem(k);
  }
}
