import * as vscode from 'vscode';

/** The one output channel. Messages are prefixed with their area, e.g. `[s3]`. Never log credentials or log contents. */
let channel: vscode.LogOutputChannel | undefined;

export function registerLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  // The channel's name is the product's name, and tests and bug reports look for it: not translated.
  channel = vscode.window.createOutputChannel('CloudTrail KMS', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export function log(): vscode.LogOutputChannel {
  // l10n-ignore: a programming error, never shown to a user
  if (!channel) throw new Error('registerLog() must run before log() is used');
  return channel;
}
