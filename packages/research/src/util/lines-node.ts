/**
 * Line-by-line reading of a text file with a bound on each line, Node only. readline keeps a
 * whole line in one string: a line of hundreds of MB exhausts V8's string limit inside a stream
 * callback and Node prints its internals. Here a line over the bound is a typed error instead,
 * raised as soon as that many bytes have arrived.
 */
import { createReadStream } from 'node:fs';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

/** 64 MiB: far above any real interview line (a 6 × 240-window answer set is ~2 MB of JSON). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export class LineTooLongError extends HireNetError {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly limit: number,
  ) {
    super(
      'line-too-long',
      [
        `${path} line ${line} is longer than ${limit} bytes (${(limit / 1048576).toFixed(0)} MiB), the`,
        'most a line may hold',
      ].join(' '),
    );
  }
}

export interface TextLine {
  /** 1-based. */
  readonly line: number;
  /** Without the line break (LF or CRLF). */
  readonly text: string;
}

/** Yields the lines of `path` as UTF-8 text; a trailing line without a break is yielded too. */
export async function* readLines(path: string, maxLineBytes: number = MAX_LINE_BYTES): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder('utf-8');
  let parts: Buffer[] = [];
  let pending = 0;
  let line = 0;
  const flush = (tail: Buffer): TextLine => {
    const all = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    parts = [];
    pending = 0;
    line++;
    const end = all.length > 0 && all[all.length - 1] === 0x0d ? all.length - 1 : all.length;
    return { line, text: decoder.decode(all.subarray(0, end)) };
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (pending + nl - start > maxLineBytes) throw new LineTooLongError(path, line + 1, maxLineBytes);
      yield flush(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending += chunk.length - start;
      if (pending > maxLineBytes) throw new LineTooLongError(path, line + 1, maxLineBytes);
      parts.push(chunk.subarray(start));
    }
  }
  if (pending > 0) yield flush(Buffer.alloc(0));
}
