import type { HireNetErrorCode } from './error-codes.ts';

/**
 * Every error the SDK throws on purpose is a HireNetError with a stable `code` from the one catalogue
 * (error-codes.ts, docs/errors.md), so host pages can branch on `err.code` instead of parsing messages.
 */
export class HireNetError extends Error {
  constructor(
    readonly code: HireNetErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Interview input of the wrong shape or with non-finite values; `path` points at the culprit. */
export class HireNetInputError extends HireNetError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('invalid-input', `${path}: ${message}`);
  }
}

/** A model file that is malformed, incomplete or does not match its recorded checksums. */
export class ModelIntegrityError extends HireNetError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('model-integrity', message, options);
  }
}

/**
 * A self-hosted asset (model file, vocabulary, wasm binary, the asset manifest) the SDK refused;
 * `url` names it. Codes: `asset-missing` (HTTP error, network failure, absent from the manifest),
 * `asset-invalid` (truncated or malformed JSON, an HTML page where a file was expected),
 * `asset-integrity` (bytes differ from the manifest, or the manifest differs from the host's pin).
 */
export type AssetErrorCode = 'asset-missing' | 'asset-invalid' | 'asset-integrity';

export class AssetError extends HireNetError {
  constructor(
    override readonly code: AssetErrorCode,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${url}: ${message}`, options);
  }
}
