/**
 * The local server behind `hirenet analyze`: node:http on 127.0.0.1 (random port) serving the
 * prebuilt analyze page (analyze-page.ts), the SDK's self-hosted assets under /hirenet/ in the
 * layout of assets-layout.ts (the same files `npx hirenet assets` copies), and the input
 * recordings at /__hirenet/input/<i>. Nothing is fetched from anywhere else; no Vite.
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

export async function startAnalyzeServer(o: AnalyzeServerOptions): Promise<AnalyzeServer> {
  const assets = assetFiles(o.assets);
  const page = normalize(o.pageDir + sep);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const input = /^\/__hirenet\/input\/(\d+)$/.exec(path);
    if (input !== null) {
      const file = o.inputs[Number(input[1])];
      if (file !== undefined) return sendFile(res, file);
    } else if (path.startsWith('/hirenet/')) {
      const read = assets.get(path.slice('/hirenet/'.length));
      if (read !== undefined) {
        res.setHeader('Content-Type', contentTypeOf(path));
        return res.end(read());
      }
    } else {
      // The page's own files; nothing outside its directory.
      const file = normalize(join(page, path === '/' ? 'analyze.html' : path));
      if (file.startsWith(page) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    files: o.inputs.map((p, i) => ({ url: `/__hirenet/input/${i}`, name: basename(p) })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page's worklet, served as hirenet/capture-worklet.js. */
export function pageWorklet(pageDir: string): Map<string, () => Buffer> {
  return new Map([['capture-worklet.js', () => readFileSync(join(pageDir, 'capture-worklet.js'))]]);
}
