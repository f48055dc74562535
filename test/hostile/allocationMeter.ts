/**
 * Memory asked for by a call, measured without a clock: every byte requested of Buffer.allocUnsafe / Buffer.alloc (the
 * pretty printer's only allocations) while `work` runs. Test processes only.
 */
export function allocated<T>(work: () => T): { result?: T; error?: unknown; bytes: number } {
  const { allocUnsafe, alloc } = Buffer;
  let bytes = 0;
  Buffer.allocUnsafe = (size: number) => {
    bytes += size;
    return allocUnsafe(size);
  };
  Buffer.alloc = ((size: number, ...rest: never[]) => {
    bytes += size;
    return alloc(size, ...rest);
  }) as typeof Buffer.alloc;
  try {
    return { result: work(), bytes };
  } catch (error) {
    return { error, bytes };
  } finally {
    Buffer.allocUnsafe = allocUnsafe;
    Buffer.alloc = alloc;
  }
}
