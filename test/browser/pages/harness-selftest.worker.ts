// Posts a body from a worker, the case a privacy test must not miss.
const res = await fetch('/favicon.ico?from=worker', { method: 'POST', body: 'secret' });
postMessage(res.status);
export {};
