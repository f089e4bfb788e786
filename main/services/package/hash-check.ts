import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A pass-through that hashes and counts what flows through it, and fails the stream as soon as
 * more bytes than expected arrive, or at the end when the count or SHA-256 differ.
 */
export class HashCheckStream extends Transform {
  private readonly hash = createHash('sha256');
  private count = 0;

  constructor(
    private readonly expectedSize: number,
    private readonly expectedSha256: string,
    private readonly makeError: (detail: string) => Error,
    private readonly onBytes?: (n: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.expectedSize) {
      callback(this.makeError(`more than the expected ${this.expectedSize} bytes`));
      return;
    }
    this.hash.update(chunk);
    this.onBytes?.(chunk.length);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.count !== this.expectedSize) {
      callback(this.makeError(`${this.count} bytes instead of ${this.expectedSize}`));
      return;
    }
    const actual = this.hash.digest('hex');
    if (actual !== this.expectedSha256) {
      callback(this.makeError(`SHA-256 is ${actual}, expected ${this.expectedSha256}`));
      return;
    }
    callback();
  }
}
