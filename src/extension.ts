import * as vscode from 'vscode';
import type { ExtensionApi } from './vscode/api';
import { registerDecryptionFacts } from './vscode/decryptionFacts';
import { registerDocumentAnalysis } from './vscode/documentAnalysis';
import { registerDocumentLinks } from './vscode/documentLinks';
import { registerHover } from './vscode/hover';
import { registerIntegrityCommands } from './vscode/integrityCommands';
import { registerKeyActivity } from './vscode/keyActivity';
import { registerLog } from './vscode/log';
import { registerLogCommands } from './vscode/logCommands';
import { registerLogFileSystem } from './vscode/logFileSystem';
import { registerOutline } from './vscode/outline';
import { registerProfileCommands } from './vscode/profileCommands';
import { registerReportDocuments } from './vscode/reportDocuments';
import { registerSandboxHelp } from './vscode/sandboxHelp';
import { registerSession } from './vscode/session';
import { registerStatusBar } from './vscode/statusBar';
import { registerTrailsView } from './vscode/trailsView';

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
