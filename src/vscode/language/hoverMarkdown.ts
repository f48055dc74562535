import * as vscode from 'vscode';
import type { Explanation } from '../../core/explain';
import { explanationMarkdownText, sseMarkdownText, type HoverCommands } from '../../core/explain/hoverMarkdown';
import type { SseFacts } from '../../core/model';
import { Commands, HOVER_COMMANDS } from '../commands/commandIds';

const COMMANDS: HoverCommands = {
  openLog: Commands.openLog,
  revealTrail: Commands.revealTrail,
  revealKey: Commands.revealKey,
  revealS3Prefix: Commands.revealS3Prefix,
  findEventsFromLink: Commands.findEventsFromLink,
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
  return logTextMarkdown(explanationMarkdownText(explanation, COMMANDS, decryptedBy));
}

export function sseOnlyMarkdown(sse: SseFacts): vscode.MarkdownString {
  return logTextMarkdown(sseMarkdownText(sse));
}
