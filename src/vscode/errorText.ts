/** How errors read in the editor: the explained text for ours, the message for anything else, and their kinds. */
import { ExplainedError, isCancelled } from '../core/errors';

export { isCancelled };

/** The whole explanation in the editor's words: what happened, why, what to do. */
export function errorText(error: unknown): string {
  if (error instanceof ExplainedError) return [error.what, error.why, error.editorTodo ?? error.todo].filter(Boolean).join(' ');
  if (error instanceof Error) return fileSystemMessage(error.message);
  return String(error);
}

/** One sentence for a notification: what happened, short (the rest is behind Show Details). */
export function errorHeadline(error: unknown): string {
  if (error instanceof ExplainedError) return error.headline ?? error.what;
  return splitFirstSentence(errorText(error))[0];
}

/** The ExplainedError behind an error: itself, or the one it was thrown for (its cause). */
export function explained(error: unknown): ExplainedError | undefined {
  if (error instanceof ExplainedError) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause instanceof ExplainedError ? cause : undefined;
}

/** Text broken into lines of at most `width` characters at spaces (a word longer than that keeps its own line). */
export function wrapText(text: string, width = 100): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The first sentence and the rest, found without a regular expression (the text may come from a log or an endpoint). */
export function splitFirstSentence(text: string): [string, string] {
  for (let i = 0; i < text.length - 1; i++) if (text[i] === '.' && /\s/.test(text[i + 1])) return [text.slice(0, i + 1), text.slice(i + 2)];
  return [text, ''];
}

export function isCredentialsError(error: unknown): boolean {
  return error instanceof ExplainedError && error.code === 'Credentials';
}

/**
 * VS Code wraps what a file system provider throws ("cannot open <uri>. Detail: Unable to read file '<uri>'
 * (FileNotFound (FileSystemError): …)"); the user wants our explanation, not the wrapping with an internal URI.
 */
function fileSystemMessage(message: string): string {
  // l10n-ignore: matches VS Code's own (English) wrapping
  const detail = message.startsWith('cannot open ') ? message.indexOf('. Detail: ') : -1;
  return withoutFileSystemCode(unwrapUnableTo(detail === -1 ? message : message.slice(detail + '. Detail: '.length)));
}

// l10n-ignore: matches VS Code's own (English) wrapping, not shown as such
const UNABLE_TO = [
  'Unable to read file ',
  'Unable to read text model content ',
  'Unable to resolve file ',
  'Unable to resolve text model content ',
];

/** `Unable to read file '<uri>' (<what the provider threw>)` → what the provider threw; linear (the text holds S3 keys). */
function unwrapUnableTo(text: string): string {
  const prefix = UNABLE_TO.find((start) => text.startsWith(start));
  if (!prefix || !text.endsWith(')')) return text;
  const open = text.indexOf('(', prefix.length);
  return open === -1 ? text : text.slice(open + 1, -1);
}

function withoutFileSystemCode(text: string): string {
  return text.replace(/^[A-Za-z]+ \(FileSystemError\): /, '');
}
