import { HireNetError } from '../util/errors.ts';

/** A dataset that does not follow hirenet-dataset/1; `line` is 1-based in interviews.jsonl. */
export class DatasetError extends HireNetError {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super('invalid-dataset', line === undefined ? message : `interviews.jsonl line ${line}: ${message}`);
  }
}
