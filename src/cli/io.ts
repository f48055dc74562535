/** Where a CLI command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}
