import * as vscode from 'vscode';
import type { ExplainLink, Explanation } from '../../core/explain';
import { commandUri, escapeMarkdown, inlineCode, markdownLink } from '../../core/markdownEscape';
import type { SseFacts } from '../../core/model';
import { Commands, HOVER_COMMANDS } from '../commands/commandIds';

function lastSegment(text: string): string {
  const parts = text.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? text;
}

/** The Markdown of one link, or undefined for a link we do not follow (e.g. a doc link off docs.aws.amazon.com). */
export function linkMarkdown(link: ExplainLink): string | undefined {
  switch (link.kind) {
    case 'trail':
      return `$(list-tree) ${markdownLink(vscode.l10n.t('Reveal trail {0}', lastSegment(link.arn)), commandUri(Commands.revealTrail, [{ arn: link.arn }]), link.arn)}`;
    case 's3Object':
      return `$(unlock) ${markdownLink(vscode.l10n.t('Open and decrypt {0}', lastSegment(link.key)), commandUri(Commands.openLog, [{ bucket: link.bucket, key: link.key }]), `s3://${link.bucket}/${link.key}`)}`;
    case 's3Prefix':
      return `$(folder) ${markdownLink(vscode.l10n.t('Reveal {0}', `s3://${link.bucket}/${link.prefix}`), commandUri(Commands.revealS3Prefix, [{ bucket: link.bucket, prefix: link.prefix }]))}`;
    case 'kmsKey': {
      const name = link.alias ?? link.keyId ?? link.arn ?? 'key';
      const args = { arn: link.arn, keyId: link.keyId, alias: link.alias, region: link.region, account: link.account };
      return `$(key) ${markdownLink(vscode.l10n.t('Reveal key {0}', name), commandUri(Commands.revealKey, [args]), link.arn)}`;
    }
    case 'doc':
      if (!/^https:\/\/docs\.aws\.amazon\.com\/[\w\-./#?=&%]*$/.test(link.url)) return undefined;
      return `$(book) ${markdownLink(vscode.l10n.t('AWS docs: {0}', link.title), link.url)}`;
  }
}

export function sseMarkdown(sse: SseFacts): string {
  if (sse.algorithm === 'aws:kms' || sse.algorithm === 'aws:kms:dsse') {
    const key = sse.kmsKeyId ? inlineCode(sse.kmsKeyId) : vscode.l10n.t('an unnamed KMS key');
    const how = sse.bucketKeyEnabled ? vscode.l10n.t('{0}, S3 Bucket Key', escapeMarkdown(sse.algorithm)) : escapeMarkdown(sse.algorithm);
    return `$(key) ${vscode.l10n.t('Decrypted with KMS key {0} ({1}). Kept in memory only.', key, how)}`;
  }
  if (sse.algorithm)
    return `$(lock) ${vscode.l10n.t('Encrypted at rest with {0}; no KMS key involved.', escapeMarkdown(sse.algorithm === 'AES256' ? 'SSE-S3 (AES256)' : sse.algorithm))}`;
  return `$(lock) ${vscode.l10n.t('S3 reported no server-side encryption for this object.')}`;
}

function trusted(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
  markdown.supportHtml = false;
  return markdown;
}

/** The hover for an explanation. Every piece of text is escaped; only our link targets are trusted. */
export function explanationMarkdown(explanation: Explanation, decryptedBy?: SseFacts): vscode.MarkdownString {
  const markdown = trusted();
  markdown.appendMarkdown(`**${escapeMarkdown(explanation.title)}**\n\n`);
  // Links first: long explanations scroll, and following a link is what the reader came for.
  const links = explanation.links.map(linkMarkdown).filter((line): line is string => !!line);
  if (links.length > 0) markdown.appendMarkdown(`${links.join(' \\\n')}\n\n---\n\n`);
  for (const section of explanation.sections) {
    const heading = section.heading ? `**${escapeMarkdown(section.heading)}:** ` : '';
    markdown.appendMarkdown(`${heading}${escapeMarkdown(section.text)}\n\n`);
  }
  if (decryptedBy) markdown.appendMarkdown(`---\n\n${sseMarkdown(decryptedBy)}\n`);
  return markdown;
}

export function sseOnlyMarkdown(sse: SseFacts): vscode.MarkdownString {
  const markdown = trusted();
  markdown.appendMarkdown(sseMarkdown(sse));
  return markdown;
}
