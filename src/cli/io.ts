/** Where a CLI command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  // `cat` writes the pretty-printed bytes as they are; collectors in tests decode them as UTF-8.
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
}
