import * as vscode from 'vscode';
import { LruMap } from '../../core/lruMap';
import type { SseFacts } from '../../core/model';

/**
 * Which key decrypted each `cloudtrail-log` document (from the SSE headers of its GetObject): the most recently opened
 * FACT_ENTRIES (a reopened document sets its facts again when it is read).
 */
const FACT_ENTRIES = 512;
const facts = new LruMap<string, SseFacts>(FACT_ENTRIES);
const changed = new vscode.EventEmitter<vscode.Uri>();
export const onDidChangeDecryptionFacts = changed.event;

export function setDecryptionFacts(uri: vscode.Uri, sse: SseFacts): void {
  facts.set(uri.toString(), sse);
  changed.fire(uri);
}

export function decryptionFacts(uri: vscode.Uri): SseFacts | undefined {
  return facts.get(uri.toString());
}

export function clearDecryptionFacts(): void {
  facts.clear();
}

export function registerDecryptionFacts(context: vscode.ExtensionContext): void {
  context.subscriptions.push(changed, { dispose: () => facts.clear() });
}
