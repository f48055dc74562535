import * as vscode from 'vscode';
import type { ExtensionApi } from './vscode/api';
import { registerDecryptionFacts } from './vscode/documents/decryptionFacts';
import { registerDocumentAnalysis } from './vscode/language/documentAnalysis';
import { registerDocumentLinks } from './vscode/language/documentLinks';
import { registerHover } from './vscode/language/hover';
import { registerIntegrityCommands } from './vscode/commands/integrity';
import { registerKeyActivity } from './vscode/commands/keyActivity';
import { registerLog } from './vscode/log';
import { registerLogCommands } from './vscode/commands/openLog';
import { registerLogFileSystem } from './vscode/documents/logFileSystem';
import { registerOutline } from './vscode/language/outline';
import { registerProfileCommands } from './vscode/commands/profile';
import { registerReportDocuments } from './vscode/documents/memoryDocuments';
import { registerSandboxHelp } from './vscode/commands/sandboxHelp';
import { registerSession } from './vscode/session';
import { registerStatusBar } from './vscode/statusBar';
import { registerTrailsView } from './vscode/tree/trailsView';

/** Wires the features; no logic and no AWS call here (activation stays cheap). */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  registerLog(context);
  registerDocumentAnalysis(context);
  registerDecryptionFacts(context);
  const session = registerSession(context);
  const logFiles = registerLogFileSystem(context, session);
  const trails = registerTrailsView(context, session);
  registerLogCommands(context, session, trails);
  registerIntegrityCommands(context, session, trails, registerReportDocuments(context));
  registerKeyActivity(context, session);
  registerProfileCommands(context);
  registerStatusBar(context, session);
  registerSandboxHelp(context);
  registerHover(context);
  registerDocumentLinks(context);
  registerOutline(context);
  return { session, trails, logFiles };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
