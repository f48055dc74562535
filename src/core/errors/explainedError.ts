/** The error model: an error the user reads (what happened, why, what to do), and a cancellation. Pure. */

/**
 * A policy statement that would allow what was refused, with the real principal, action and resource filled in, and
 * the policy it belongs in (the editor's "Copy Policy Statement").
 */
export interface PolicyRemedy {
  /** `identity`: an IAM policy of the principal; `key` / `bucket`: that resource's policy (the statement names the principal). */
  policy: 'identity' | 'key' | 'bucket';
  /** Who was refused (when known). */
  principalArn?: string;
  action: string;
  resource: string;
  statement: Record<string, unknown>;
}

/** What a front end may use besides what, why and what to do. */
export interface ExplainedExtras {
  /** One short sentence for a notification (no long locations); `what` when absent. */
  headline?: string;
  /** What to do, in the editor's words, where `todo` names CLI options or commands. */
  editorTodo?: string;
  remedy?: PolicyRemedy;
}

export class ExplainedError extends Error {
  override readonly name = 'ExplainedError';
  readonly headline?: string;
  readonly editorTodo?: string;
  readonly remedy?: PolicyRemedy;
  constructor(
    readonly code: string,
    readonly what: string,
    readonly why?: string,
    readonly todo?: string,
    cause?: unknown,
    extras: ExplainedExtras = {},
  ) {
    super([what, why, todo].filter((part): part is string => !!part).join(' '), cause === undefined ? undefined : { cause });
    if (extras.headline) this.headline = extras.headline;
    if (extras.editorTodo) this.editorTodo = extras.editorTodo;
    if (extras.remedy) this.remedy = extras.remedy;
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
