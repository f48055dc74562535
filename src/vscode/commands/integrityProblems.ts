/**
 * Integrity problems in the Problems panel: each INVALID, missing or unreadable file of a validation run is a
 * diagnostic on that file's document (opening it decrypts the very object). A new run of the same trail and region
 * replaces the problems of the one before.
 */
import * as vscode from 'vscode';
import type { ResultItem } from '../../core/results/model';
import { VERDICT_GROUPS } from '../../core/integrity/verdictResults';
import { logUri } from '../documents/logFileSystem';

const EXPLAINED: Record<string, string> = {
  "hash value doesn't match": vscode.l10n.t(
    'the SHA-256 of this file does not match the hash its digest file recorded: it was changed after CloudTrail delivered it',
  ),
  'not found': vscode.l10n.t('the digest file lists this file, but it is not in the bucket (deleted or moved after delivery)'),
  'invalid format': vscode.l10n.t('this is not a readable gzip file as CloudTrail delivers them'),
};

export class IntegrityProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloudtrail-integrity');
  /** Run key (trail ARN + region) → the URIs its problems are on. */
  private readonly byRun = new Map<string, vscode.Uri[]>();

  /** Replaces the problems of an earlier run with the same key by those among `items`; returns how many there are. */
  replace(runKey: string, items: readonly ResultItem[], where: string): number {
    for (const uri of this.byRun.get(runKey) ?? []) this.collection.delete(uri);
    const uris: vscode.Uri[] = [];
    for (const item of items) {
      if (!item.source || (item.severity !== 'error' && item.severity !== 'warning')) continue;
      let uri: vscode.Uri;
      try {
        uri = logUri({ bucket: item.source.bucket, key: item.source.key });
      } catch {
        continue; // not a location a document can have (never for verdicts of a real chain)
      }
      const reason = item.detail ?? '';
      const explanation = EXPLAINED[reason] ?? reason;
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 1),
        item.group[0] === VERDICT_GROUPS.unread
          ? vscode.l10n.t('Could not be checked: {0} ({1}).', explanation, where)
          : vscode.l10n.t('INVALID: {0} ({1}).', explanation, where),
        item.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = vscode.l10n.t('CloudTrail integrity');
      diagnostic.code = reason.length <= 40 ? reason : undefined;
      this.collection.set(uri, [...(this.collection.get(uri) ?? []), diagnostic]);
      uris.push(uri);
    }
    this.byRun.set(runKey, uris);
    return uris.length;
  }

  /** The problems shown for one file (tests). */
  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.collection.dispose();
  }
}
