/** The extension's version, read from package.json (bundled by esbuild, emitted next to the compiled tests by tsc). */
import { version } from '../../package.json';

export const VERSION: string = version;

/** The user agent suffix of AWS calls, so CloudTrail shows which front end made them. */
export function userAgent(frontEnd: 'cli' | 'vscode' | 'library'): string {
  if (frontEnd === 'cli') return `cloudtrail-kms-explorer-cli/${VERSION}`;
  if (frontEnd === 'vscode') return `cloudtrail-kms-explorer/${VERSION} (vscode)`;
  return `cloudtrail-kms-explorer/${VERSION}`;
}
