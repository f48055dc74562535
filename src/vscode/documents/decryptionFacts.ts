import * as vscode from 'vscode';
import type { SseFacts } from '../../core/model';

/** Which key decrypted each open `cloudtrail-log` document (from the SSE headers of its GetObject). */
const facts = new Map<string, SseFacts>();
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
