/** The SSH wire encoding (RFC 4251 §5): uint32 big-endian lengths before byte strings. */

export function sshString(value: Uint8Array | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export function sshUint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}

/** Reads fields in order; every read checks bounds, so a hostile blob gives an error, never garbage. */
export class SshReader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  uint32(): number {
    if (this.offset + 4 > this.bytes.length) throw new Error('truncated SSH data');
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  raw(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new Error('truncated SSH data');
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  string(): Buffer {
    return this.raw(this.uint32());
  }

  text(): string {
    return this.string().toString('utf8');
  }

  atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}
