import { CancelledError, ExplainedError } from '../core/errors';

/** What the user reads for an error: the explained text for ours, the message for anything else. */
export function errorText(error: unknown): string {
  if (error instanceof ExplainedError) return [error.what, error.why, error.todo].filter(Boolean).join(' ');
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError'));
}

export function isCredentialsError(error: unknown): boolean {
  return error instanceof ExplainedError && error.code === 'Credentials';
}
