/** Where a CLI command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  // `cat` writes the pretty-printed bytes as they are; collectors in tests decode them as UTF-8.
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Text written in batches: flushed once `maxBytes` have gathered or `maxDelayMs` after the first unflushed write, and
 * by flush(). For commands that print thousands of short lines (`validate`): one write (a system call, and a wake-up
 * of whoever reads the pipe) per batch instead of per line, while a person still sees the lines come as they are found.
 */
export function batchedWriter(
  stream: CliIo['stdout'],
  maxBytes = 64 * 1024,
  maxDelayMs = 100,
): { write(text: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    stream.write(text);
  };
  return {
    write(text: string): void {
      pending.push(text);
      size += text.length;
      if (size >= maxBytes) flush();
      else timer ??= setTimeout(flush, maxDelayMs);
    },
    flush,
  };
}
