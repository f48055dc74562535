import * as vscode from 'vscode';
import type { ExtensionApi } from './vscode/api';
import { recentFailures } from './vscode/commands/command';
import { registerErrorActions } from './vscode/commands/errorActions';
import { registerAthena } from './vscode/commands/athena';
import { registerFindEvents } from './vscode/commands/findEvents';
import { registerIntegrity } from './vscode/commands/integrity';
import { registerKeyActivity } from './vscode/commands/keyActivity';
import { registerKeyPolicy } from './vscode/commands/keyPolicy';
import { registerOpenLog } from './vscode/commands/openLog';
import { registerProfileCommands } from './vscode/commands/profile';
import { registerSandboxHelp } from './vscode/commands/sandboxHelp';
import { registerDecryptionFacts } from './vscode/documents/decryptionFacts';
import { registerLogFileSystem } from './vscode/documents/logFileSystem';
import { registerMemoryDocuments, REPORT_DOCUMENTS } from './vscode/documents/memoryDocuments';
import { registerDocumentAnalysis } from './vscode/language/documentAnalysis';
import { registerDocumentLinks } from './vscode/language/documentLinks';
import { registerHover } from './vscode/language/hover';
import { registerLargeLogLanguage } from './vscode/language/largeLogLanguage';
import { registerOutline } from './vscode/language/outline';
import { registerLog } from './vscode/log';
import { registerResultsView } from './vscode/results/resultsView';
import { registerSession } from './vscode/session';
import { registerStatusBar } from './vscode/statusBar';
import { registerTrailsView } from './vscode/tree/trailsView';

/** Wires the features; no logic and no AWS call here (activation stays cheap). See docs/architecture.md. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  registerLog(context);
  registerDocumentAnalysis(context);
  registerDecryptionFacts(context);
  const session = registerSession(context);
  const logFiles = registerLogFileSystem(context, session);
  const trails = registerTrailsView(context, session);
  const reports = registerMemoryDocuments(context, REPORT_DOCUMENTS);
  registerErrorActions(session, reports);
  const results = registerResultsView(context, reports);
  registerOpenLog(context, session, trails);
  const integrityProblems = registerIntegrity(context, session, trails, results);
  registerKeyPolicy(context, session, trails, reports);
  registerKeyActivity(context, session, results);
  const findEvents = registerFindEvents(context, session, trails);
  registerAthena(context, session, trails, findEvents);
  registerProfileCommands(context);
  registerStatusBar(context, session, trails.view);
  registerSandboxHelp(context);
  registerHover(context);
  registerDocumentLinks(context);
  registerOutline(context);
  registerLargeLogLanguage(context);
  return { session, trails, logFiles, results, integrityProblems, failures: recentFailures, searches: findEvents.runs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
