/** Reading plain values out of a parsed record (log content: any shape, any type). */

export type Json = Record<string, unknown>;

/** The value as an object, when it is one (not an array). */
export function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** The value as a non-empty string, when it is one. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
