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
      return `$(list-tree) ${markdownLink(`Reveal trail ${lastSegment(link.arn)}`, commandUri(Commands.revealTrail, [{ arn: link.arn }]), link.arn)}`;
    case 's3Object':
      return `$(unlock) ${markdownLink(`Open and decrypt ${lastSegment(link.key)}`, commandUri(Commands.openLog, [{ bucket: link.bucket, key: link.key }]), `s3://${link.bucket}/${link.key}`)}`;
    case 's3Prefix':
      return `$(folder) ${markdownLink(`Reveal s3://${link.bucket}/${link.prefix}`, commandUri(Commands.revealS3Prefix, [{ bucket: link.bucket, prefix: link.prefix }]))}`;
    case 'kmsKey': {
      const name = link.alias ?? link.keyId ?? link.arn ?? 'key';
      const args = { arn: link.arn, keyId: link.keyId, alias: link.alias, region: link.region, account: link.account };
      return `$(key) ${markdownLink(`Reveal key ${name}`, commandUri(Commands.revealKey, [args]), link.arn)}`;
    }
    case 'doc':
      if (!/^https:\/\/docs\.aws\.amazon\.com\/[\w\-./#?=&%]*$/.test(link.url)) return undefined;
      return `$(book) ${markdownLink(`AWS docs: ${link.title}`, link.url)}`;
  }
}

export function sseMarkdown(sse: SseFacts): string {
  if (sse.algorithm === 'aws:kms' || sse.algorithm === 'aws:kms:dsse') {
    const key = sse.kmsKeyId ? inlineCode(sse.kmsKeyId) : 'an unnamed KMS key';
    return `$(key) Decrypted with KMS key ${key} (${escapeMarkdown(sse.algorithm)}${sse.bucketKeyEnabled ? ', S3 Bucket Key' : ''}). Kept in memory only.`;
  }
  if (sse.algorithm)
    return `$(lock) Encrypted at rest with ${escapeMarkdown(sse.algorithm === 'AES256' ? 'SSE-S3 (AES256)' : sse.algorithm)}; no KMS key involved.`;
  return '$(lock) S3 reported no server-side encryption for this object.';
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
