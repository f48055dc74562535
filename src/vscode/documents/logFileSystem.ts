import * as vscode from 'vscode';
import { fetchLog } from '../../aws/fetchLog';
import { ByteBudgetCache } from '../../core/byteBudgetCache';
import { ExplainedError } from '../../core/errors';
import { formatBytes } from '../../core/formatBytes';
import { EXTENSION_SYNC_LIMIT, layoutForEditor, type EditorLayout } from '../../core/logs/editorLayout';
import { fromLogUriParts, logDisplayName, LOG_SCHEME, toLogUriParts, type LogLocation } from '../../core/logs/logUri';
import type { SseFacts } from '../../core/model';
import { clearDecryptionFacts, setDecryptionFacts } from './decryptionFacts';
import { errorText, isCancelled } from '../errorText';
import { OtherProfileConsent } from './otherProfileConsent';
import { log } from '../log';
import { withCancellableProgress } from '../progress';
import type { AwsSession } from '../session';
import { readSettings } from '../settings';

const CACHE_BYTES = 256 * 1024 * 1024;

/**
 * The one URI of an object's document as `profile` reads it (default: the profile the settings name): bucket, key and
 * that profile, nothing else. Opening an object that is open under this profile shows its tab whatever the caller knew
 * of its region; after a switch of profile the same object is another document, read again with the new credentials —
 * never the text another identity decrypted (VS Code shows a document it holds without reading it again). URIs that
 * still carry `region=` (older sessions, tests) are read as before.
 */
export function logUri(location: { bucket: string; key: string }, profile: string | undefined = readSettings().profile): vscode.Uri {
  return vscode.Uri.from(toLogUriParts({ bucket: location.bucket, key: location.key, ...(profile ? { profile } : {}) }));
}

export function locationOf(uri: vscode.Uri): LogLocation {
  return fromLogUriParts({ scheme: uri.scheme, path: uri.path, query: uri.query });
}

/** Bucket → region, as callers knew it (saves a GetBucketLocation when the document is read). */
const bucketRegions = new Map<string, string>();
/** The last failure of reading each URI, so a command that opened it can explain the very error (not VS Code's text). */
const readFailures = new Map<string, unknown>();

/** Documents whose text is more than VS Code passes to extensions, even one record per line (see editorLayout.ts). */
const tooLargeForExtensions = new Set<string>();

/**
 * True when `uri`'s text was too large for VS Code to pass to the extension: `openTextDocument` fails for it, the
 * editor can still show it (`vscode.open`), without hovers, outline or links.
 */
export function isTooLargeForExtensions(uri: vscode.Uri): boolean {
  return tooLargeForExtensions.has(uri.toString());
}

export function rememberBucketRegion(bucket: string, region: string | undefined): void {
  if (region && bucketRegions.size < 10_000) bucketRegions.set(bucket, region);
}

/** The error reading `uri` failed with (once: it is forgotten when taken). */
export function takeReadFailure(uri: vscode.Uri): unknown {
  const error = readFailures.get(uri.toString());
  readFailures.delete(uri.toString());
  return error;
}

function rememberReadFailure(id: string, error: unknown): void {
  readFailures.set(id, error);
  if (readFailures.size > 50) readFailures.delete(readFailures.keys().next().value as string);
}

const PERMISSION_CODES = new Set(['AccessDenied', 'KmsDecryptDenied', 'KeyDisabled', 'KeyInvalidState', 'Credentials']);

function toFileSystemError(error: unknown, uri: vscode.Uri): vscode.FileSystemError {
  const message = errorText(error);
  if (isCancelled(error)) return vscode.FileSystemError.Unavailable(vscode.l10n.t('Opening {0} was cancelled.', uri.path));
  if (error instanceof ExplainedError) {
    if (error.code === 'NoSuchKey' || error.code === 'NoSuchBucket') return vscode.FileSystemError.FileNotFound(message);
    if (PERMISSION_CODES.has(error.code)) return vscode.FileSystemError.NoPermissions(message);
  }
  return vscode.FileSystemError.Unavailable(message);
}

/**
 * Read-only documents of decrypted log files. `readFile` fetches the object (S3 has KMS decrypt it), gunzips and
 * pretty-prints it; the text lives only in this bounded in-memory cache and the editor, never on disk.
 */
export class LogFileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly cache = new ByteBudgetCache<{ bytes: Uint8Array; sse: SseFacts; mtime: number }>(CACHE_BYTES);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  /** Asks before a URI naming another profile than the current one is read with that profile's credentials. */
  private readonly consent = new OtherProfileConsent();

  constructor(private readonly session: AwsSession) {
    this.consent.approve(session.currentProfile());
  }

  /** After a switch of profile: caches go, and the new profile's documents are read without asking. */
  profileChanged(): void {
    this.clear();
    this.consent.approve(this.session.currentProfile());
  }

  clear(): void {
    this.cache.clear();
    bucketRegions.clear();
    readFailures.clear();
    tooLargeForExtensions.clear();
    clearDecryptionFacts();
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    try {
      locationOf(uri);
    } catch (error) {
      throw vscode.FileSystemError.FileNotFound(errorText(error));
    }
    const cached = this.cache.get(uri.toString());
    return {
      type: vscode.FileType.File,
      ctime: cached?.mtime ?? 0,
      mtime: cached?.mtime ?? 0,
      size: cached?.bytes.byteLength ?? 0,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    let location: LogLocation;
    try {
      location = locationOf(uri);
    } catch (error) {
      throw vscode.FileSystemError.FileNotFound(errorText(error));
    }
    const id = uri.toString();
    try {
      await this.consent.check(location, this.session.currentProfile());
    } catch (error) {
      log().warn(`[s3] not opening ${uri.path}: ${errorText(error)}`);
      rememberReadFailure(id, error);
      throw error;
    }
    const cached = this.cache.get(id);
    if (cached) {
      setDecryptionFacts(uri, cached.sse);
      return cached.bytes;
    }
    const where = `s3://${location.bucket}/${location.key}`;
    try {
      return await withCancellableProgress(vscode.l10n.t('Decrypting {0}', logDisplayName(location)), async (signal, report) => {
        let reported = 0;
        const fetched = await fetchLog(
          this.session.clients(location.profile),
          { bucket: location.bucket, key: location.key, region: location.region ?? bucketRegions.get(location.bucket) },
          {
            signal,
            maxBytes: this.session.settings().maxObjectBytes,
            prettyPrint: true, // indented while it arrives (bytes to bytes: never held as a string here)
            onProgress: (received, total) => {
              const increment = total ? ((received - reported) / total) * 100 : undefined;
              reported = received;
              report({
                message: total ? vscode.l10n.t('{0} of {1}', formatBytes(received), formatBytes(total)) : formatBytes(received),
                increment,
              });
            },
          },
        );
        const pretty = fetched.pretty && 'bytes' in fetched.pretty ? fetched.pretty.bytes : undefined;
        // Not JSON, or nested too deeply to indent: shown as stored rather than refused, with a notice. Too large for
        // VS Code to pass to the extension once indented: one record per line (see editorLayout.ts), with a notice.
        const layout = layoutForEditor(pretty, () => fetched.bytes);
        const bytes = layout.bytes;
        if (fetched.pretty && 'error' in fetched.pretty) showAsStoredNotice(logDisplayName(location), fetched.pretty.error);
        if (layout.kind === 'tooLarge') tooLargeForExtensions.add(id);
        else tooLargeForExtensions.delete(id);
        if (layout.kind !== 'asGiven') showLayoutNotice(logDisplayName(location), layout);
        this.cache.set(id, { bytes, sse: fetched.sse, mtime: Date.now() }, bytes.byteLength);
        setDecryptionFacts(uri, fetched.sse);
        log().info(
          `[s3] opened ${where} (${formatBytes(fetched.compressedBytes)} → ${formatBytes(fetched.uncompressedBytes)}, ${fetched.sse.algorithm ?? 'no SSE'})`,
        );
        return bytes;
      });
    } catch (error) {
      log().warn(`[s3] opening ${where} failed: ${errorText(error)}`);
      rememberReadFailure(id, error);
      throw toFileSystemError(error, uri);
    }
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(READONLY_TEXT);
  }

  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions(READONLY_TEXT);
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(READONLY_TEXT);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(READONLY_TEXT);
  }

  dispose(): void {
    this.clear();
    this.emitter.dispose();
  }
}

function showAsStoredNotice(name: string, error: ExplainedError): void {
  log().warn(`[s3] ${name} is shown as stored, not indented: ${errorText(error)}`);
  const message =
    error.code === 'IndentTooLarge'
      ? vscode.l10n.t('The log file is shown as stored, not indented: it is nested too deeply to indent.')
      : vscode.l10n.t('The log file is shown as stored, not indented: it is not valid JSON.');
  // No log-controlled text in the notification (its Markdown links would be live): the name is in the log.
  const details = vscode.l10n.t('Show Details');
  void vscode.window.showWarningMessage(message, details).then((picked) => {
    if (picked === details) log().show(true);
  });
}

/** Once per read of a log too large to indent for the editor: what it shows instead, and why. */
function showLayoutNotice(name: string, layout: EditorLayout): void {
  // One decimal: a log of 50.2 MiB must not read as "50 MiB, more than 50 MiB".
  const mib = (chars: number): string => vscode.l10n.t('{0} MiB', (chars / (1024 * 1024)).toFixed(1));
  const limit = mib(EXTENSION_SYNC_LIMIT);
  const indented = mib(layout.indentedChars ?? layout.chars);
  log().warn(
    `[s3] ${name}: ${layout.kind === 'recordPerLine' ? 'one record per line' : 'too large for extensions'} (indented ${indented}, shown ${mib(layout.chars)}, limit ${limit})`,
  );
  const message =
    layout.kind === 'recordPerLine'
      ? vscode.l10n.t(
          'This log is shown one record per line: indented it would be {0}, more than the {1} of text VS Code passes to extensions, and hovers, the outline and links would be off.',
          indented,
          limit,
        )
      : vscode.l10n.t(
          'This log ({0}) is more than the {1} of text VS Code passes to extensions: it is shown without hovers, the outline and links.',
          mib(layout.chars),
          limit,
        );
  void vscode.window.showInformationMessage(message);
}

const READONLY_TEXT = vscode.l10n.t(
  'Decrypted CloudTrail logs are evidence: they open read-only and are kept in memory only, never written to disk.',
);

export function registerLogFileSystem(context: vscode.ExtensionContext, session: AwsSession): LogFileSystemProvider {
  const provider = new LogFileSystemProvider(session);
  const readonly = new vscode.MarkdownString(
    `${READONLY_TEXT} ${vscode.l10n.t('Copy the text you need, or download the original object with the AWS CLI.')}`,
  );
  context.subscriptions.push(
    provider,
    vscode.workspace.registerFileSystemProvider(LOG_SCHEME, provider, { isCaseSensitive: true, isReadonly: readonly }),
    session.onDidChange(() => provider.profileChanged()),
  );
  return provider;
}
