/**
 * The buffers Find Events copies files into, lent to one file in flight at a time (see FetchLogOptions.into).
 */
import { ReusableBytes } from '../fetchLog';

/** Larger buffers are not kept for the next file: one big log must not keep its size in memory for the whole search. */
export const KEEP_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * One reusable buffer per file in flight: a file's uncompressed bytes are copied into it and dropped with the next file,
 * so reading the hundredth file allocates nothing the first did not (memory follows the concurrency, not the range).
 */
export class BufferPool {
  private readonly free: ReusableBytes[] = [];
  take(): ReusableBytes {
    return this.free.pop() ?? new ReusableBytes();
  }
  give(into: ReusableBytes): void {
    if (into.buffer.length > KEEP_BUFFER_BYTES) into.buffer = Buffer.alloc(0);
    this.free.push(into);
  }
}
