/**
 * Where fetchLog puts the uncompressed bytes of a log the caller wants pretty-printed (`prettyPrint`): into the printer
 * as they come out of gunzip, not into one big buffer first. Each chunk is printed in a microtask, which runs after
 * zlib has been handed its next piece of work: the thread pool inflates the next chunk while this thread indents the
 * last one, and nothing reads the document twice.
 *
 * The text as stored is still there when needed (not JSON, nested too deeply, not UTF-8, or asked for through
 * `bytes`): gzipped objects keep their compressed bytes (about a tenth of the size) and are inflated again, once, on
 * demand; objects that were not gzipped keep the chunks they came in.
 */
import { gunzipSync } from 'node:zlib';
import { ExplainedError } from '../core/errors';
import { PrettyPrintStream } from '../core/logs/pretty';

export class PrettyLogSink {
  private readonly printer: PrettyPrintStream;
  private readonly compressed: Buffer[] = [];
  private readonly plain: Buffer[] = [];
  private pending: Buffer[] = [];
  private scheduled = false;
  private gzipped = false;
  private received = 0;
  private whole: Buffer | undefined;

  /** `reserve`: the expected size of the indented text (reserved address space, touched only as it is written). */
  constructor(
    reserve: number,
    private readonly maxBytes: number,
  ) {
    this.printer = new PrettyPrintStream(reserve);
  }

  /** A compressed chunk as received (gzipped objects only). */
  keepCompressed(chunk: Buffer): void {
    this.gzipped = true;
    this.compressed.push(chunk);
  }

  /** Uncompressed bytes: printed in a moment (see above). */
  push(chunk: Buffer): void {
    this.received += chunk.length;
    if (!this.gzipped) this.plain.push(chunk);
    this.pending.push(chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.print());
    }
  }

  private print(): void {
    this.scheduled = false;
    const pieces = this.pending;
    this.pending = [];
    for (const piece of pieces) this.printer.write(piece);
  }

  /** The document as stored: kept or inflated again (once, under the same size limit). */
  bytes(): Buffer {
    if (!this.whole) {
      this.whole = this.gzipped
        ? gunzipSync(Buffer.concat(this.compressed), { maxOutputLength: Math.max(1, Math.min(this.maxBytes, this.received)) })
        : Buffer.concat(this.plain);
    }
    return this.whole;
  }

  /** After the last chunk: the indented bytes, or why there are none (NotJson, IndentTooLarge). */
  pretty(): { bytes: Uint8Array } | { error: ExplainedError } {
    this.print();
    try {
      return { bytes: this.printer.end(() => this.bytes()) };
    } catch (error) {
      if (error instanceof ExplainedError) return { error };
      throw error;
    }
  }
}
