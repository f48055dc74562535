import * as vscode from 'vscode';

/** The one output channel. Messages are prefixed with their area, e.g. `[s3]`. Never log credentials or log contents. */
let channel: vscode.LogOutputChannel | undefined;

export function registerLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('CloudTrail KMS', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export function log(): vscode.LogOutputChannel {
  if (!channel) throw new Error('registerLog() must run before log() is used');
  return channel;
}
