import * as vscode from 'vscode';
import { registerDecryptionFacts } from './vscode/decryptionFacts';
import { registerDocumentAnalysis } from './vscode/documentAnalysis';
import { registerDocumentLinks } from './vscode/documentLinks';
import { registerHover } from './vscode/hover';
import { registerLog } from './vscode/log';
import { registerOutline } from './vscode/outline';
import { registerTrailsView } from './vscode/trailsView';

/** Wires the features; no logic and no AWS call here (activation stays cheap). */
export function activate(context: vscode.ExtensionContext): void {
  registerLog(context);
  registerDocumentAnalysis(context);
  registerDecryptionFacts(context);
  registerTrailsView(context);
  registerHover(context);
  registerDocumentLinks(context);
  registerOutline(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
