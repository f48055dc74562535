import * as vscode from 'vscode';
import { registerLog } from './vscode/log';
import { registerTrailsView } from './vscode/trailsView';

/** Wires the features; no logic and no AWS call here (activation stays cheap). */
export function activate(context: vscode.ExtensionContext): void {
  registerLog(context);
  registerTrailsView(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
