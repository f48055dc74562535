import { createCipheriv, createHash, type Cipher } from 'node:crypto';

/** Deterministic byte source (SHA-256 in counter mode) so a seeded world has the same bytes every run. */
export class Prng {
  private counter = 0;
  private pool = Buffer.alloc(0);

  private readonly stream?: Cipher;

  /**
   * `fast`: an AES-256-CTR key stream from the seed instead of SHA-256 blocks (several times faster, a different
   * byte stream): for the large realistic worlds. The default world keeps the SHA-256 stream (its bytes never change).
   */
  constructor(
    private readonly seed: string,
    fast = false,
  ) {
    if (fast) this.stream = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16));
  }

  bytes(n: number): Buffer {
    if (this.stream && this.pool.length < n) {
      this.pool = Buffer.concat([this.pool, this.stream.update(Buffer.alloc(Math.max(n, 8192)))]);
    } else if (this.pool.length < n) {
      // Refill with many blocks at once (the byte stream is the same as block by block).
      const blocks: Buffer[] = [this.pool];
      let have = this.pool.length;
      while (have < n || blocks.length < 64) {
        const block = createHash('sha256').update(this.seed).update(String(this.counter++)).digest();
        blocks.push(block);
        have += block.length;
      }
      this.pool = Buffer.concat(blocks);
    }
    const out = this.pool.subarray(0, n);
    this.pool = this.pool.subarray(n);
    return Buffer.from(out);
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + (this.bytes(4).readUInt32BE(0) % (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  uuid(): string {
    const b = this.bytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** `n` characters of [A-Za-z0-9], like the unique part of a CloudTrail log file name. */
  alnum(n: number): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return [...this.bytes(n)].map((v) => chars[v % chars.length]).join('');
  }

  hex(n: number): string {
    return this.bytes(Math.ceil(n / 2))
      .toString('hex')
      .slice(0, n);
  }
}
