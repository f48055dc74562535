import * as vscode from 'vscode';
import type { Explanation } from '../../core/explain';
import { explanationMarkdownText, sseMarkdownText, type HoverCommands, type HoverWords } from '../../core/explain/hoverMarkdown';
import type { SseFacts } from '../../core/model';
import { Commands, HOVER_COMMANDS } from '../commands/commandIds';

const COMMANDS: HoverCommands = {
  openLog: Commands.openLog,
  revealTrail: Commands.revealTrail,
  revealKey: Commands.revealKey,
  revealS3Prefix: Commands.revealS3Prefix,
  findEventsFromLink: Commands.findEventsFromLink,
};

/** The hover's own words in the editor's language (core builds and escapes the Markdown around them). */
const WORDS: HoverWords = {
  awsDocs: (title) => vscode.l10n.t('AWS docs: {0}', title),
  revealTrail: (name) => vscode.l10n.t('Reveal trail {0}', name),
  openAndDecrypt: (name) => vscode.l10n.t('Open and decrypt {0}', name),
  reveal: (location) => vscode.l10n.t('Reveal {0}', location),
  revealKey: (name) => vscode.l10n.t('Reveal key {0}', name),
  decryptedWith: (key, how) => vscode.l10n.t('Decrypted with KMS key {0} ({1}). Kept in memory only.', key, how),
  unnamedKey: () => vscode.l10n.t('an unnamed KMS key'),
  bucketKey: (algorithm) => vscode.l10n.t('{0}, S3 Bucket Key', algorithm),
  encryptedAtRest: (algorithm) => vscode.l10n.t('Encrypted at rest with {0}; no KMS key involved.', algorithm),
  noEncryption: () => vscode.l10n.t('S3 reported no server-side encryption for this object.'),
  findEvents: (field) => {
    switch (field) {
      case 'key':
        return vscode.l10n.t('Find events with this key');
      case 'principal':
        return vscode.l10n.t('Find events of this principal');
      case 'accessKey':
        return vscode.l10n.t('Find events with this access key');
      case 'request':
        return vscode.l10n.t('Find events of this request');
    }
  },
};

/**
 * Markdown that shows log text: only our hover commands are trusted, no HTML, and no theme icons — VS Code would
 * render `$(name)` from a log value as an icon (a spoofed check mark); the text builder neutralises `$` as well.
 */
function logTextMarkdown(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(text, false);
  markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}

/** The hover for an explanation (text built and escaped in core/explain/hoverMarkdown.ts). */
export function explanationMarkdown(explanation: Explanation, decryptedBy?: SseFacts): vscode.MarkdownString {
  return logTextMarkdown(explanationMarkdownText(explanation, COMMANDS, decryptedBy, WORDS));
}

export function sseOnlyMarkdown(sse: SseFacts): vscode.MarkdownString {
  return logTextMarkdown(sseMarkdownText(sse, WORDS));
}
