/** The error model: an error the user reads (what happened, why, what to do), and a cancellation. Pure. */

export class ExplainedError extends Error {
  override readonly name = 'ExplainedError';
  constructor(
    readonly code: string,
    readonly what: string,
    readonly why?: string,
    readonly todo?: string,
    cause?: unknown,
  ) {
    super([what, why, todo].filter((part): part is string => !!part).join(' '), cause === undefined ? undefined : { cause });
  }
}

/** The user (or a caller's AbortSignal) stopped the operation; not a failure to report. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'Cancelled.') {
    super(message);
  }
}

/** True for a cancellation: ours, an AbortSignal's AbortError, or a CancelledError from another copy of this module. */
export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError'));
}
