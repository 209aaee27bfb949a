/**
 * The local servers behind `hirenet analyze` and `hirenet features video`: node:http on 127.0.0.1
 * (random port) serving a prebuilt page (cli-page.ts); for analyze also the SDK's self-hosted
 * assets under /hirenet/ in the layout of assets-layout.ts (the same files `npx hirenet assets`
 * copies), and the input recordings at /__hirenet/input/<i>. Nothing is fetched from anywhere
 * else; no Vite.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, normalize, sep } from 'node:path';
import { assetFiles, type AssetSources, contentTypeOf } from './assets-layout.ts';

export interface AnalyzeServerOptions {
  /** The prebuilt page directory (analyze.html, assets/, capture-worklet.js). */
  readonly pageDir: string;
  readonly assets: AssetSources;
  readonly inputs: readonly string[];
}

export interface AnalyzeServer {
  readonly origin: string;
  /** URL path and file name of each input, in order. */
  readonly files: { url: string; name: string }[];
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.flac': 'audio/flac',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
};
const mimeOf = (path: string): string => MIME[path.slice(path.lastIndexOf('.')).toLowerCase()] ?? contentTypeOf(path);

function sendFile(res: ServerResponse, path: string): void {
  res.setHeader('Content-Type', mimeOf(path));
  res.setHeader('Content-Length', String(statSync(path).size));
  createReadStream(path).pipe(res);
}

export interface PageServerOptions {
  /** The prebuilt page directory, served at /. */
  readonly pageDir: string;
  /** Files under /hirenet/ (assets-layout.ts), or none. */
  readonly assets: ReadonlyMap<string, () => Buffer> | null;
  /** Extra files by exact URL path (the inputs, a model). */
  readonly files: ReadonlyMap<string, string>;
}

/** A static server on 127.0.0.1 (random port) for a CLI page; `origin` is its base URL. */
export async function startPageServer(o: PageServerOptions): Promise<{ origin: string; close(): Promise<void> }> {
  const page = normalize(o.pageDir + sep);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const extra = o.files.get(path);
    const asset = path.startsWith('/hirenet/') ? o.assets?.get(path.slice('/hirenet/'.length)) : undefined;
    if (extra !== undefined) return sendFile(res, extra);
    if (asset !== undefined) {
      res.setHeader('Content-Type', contentTypeOf(path));
      return res.end(asset());
    }
    // The page's own files; nothing outside its directory.
    const file = normalize(join(page, path));
    if (file.startsWith(page) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function startAnalyzeServer(o: AnalyzeServerOptions): Promise<AnalyzeServer> {
  const files = o.inputs.map((p, i) => ({ url: `/__hirenet/input/${i}`, name: basename(p), path: p }));
  const { origin, close } = await startPageServer({
    pageDir: o.pageDir,
    assets: assetFiles(o.assets),
    files: new Map(files.map((f) => [f.url, f.path])),
  });
  return { origin, files: files.map(({ url, name }) => ({ url, name })), close };
}

/** The page's worklet, served as hirenet/capture-worklet.js. */
export function pageWorklet(pageDir: string): Map<string, () => Buffer> {
  return new Map([['capture-worklet.js', () => readFileSync(join(pageDir, 'capture-worklet.js'))]]);
}
