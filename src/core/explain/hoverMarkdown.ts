/**
 * The Markdown text of a hover, pure so it can be tested and fuzzed without the editor (vscode/language/hoverMarkdown.ts
 * wraps it in a MarkdownString that trusts only our commands and renders no theme icons).
 *
 * Log text is attacker-controlled: every text is escaped (core/markdownEscape.ts: no emphasis, link, HTML, entity or
 * `$(icon)` can form), command links carry only targets the click handler accepts (linkTargets.followableTarget, the
 * same check the handler runs), and the whole text is capped well below what VS Code renders on its UI thread.
 */
import type { SseFacts } from '../model';
import { commandUri, escapeMarkdown, inlineCode, markdownLink } from '../markdownEscape';
import { capText } from '../text';
import { findEventsTarget, followableTarget } from './linkTargets';
import type { ExplainLink, Explanation, FindEventsField } from './types';

/** The command ids of the hover links (the editor layer owns them). */
export interface HoverCommands {
  openLog: string;
  revealTrail: string;
  revealKey: string;
  revealS3Prefix: string;
  findEventsFromLink: string;
}

const FIND_EVENTS_TITLES: Record<FindEventsField, string> = {
  key: 'Find events with this key',
  principal: 'Find events of this principal',
  accessKey: 'Find events with this access key',
  request: 'Find events of this request',
};

/** A "Find events with this …" link, only when its click handler's check (findEventsTarget) accepts its arguments. */
function findEventsMarkdown(link: unknown, commands: HoverCommands): string | undefined {
  try {
    const { field, value, eventTime } = findEventsTarget(link);
    return markdownLink(FIND_EVENTS_TITLES[field], commandUri(commands.findEventsFromLink, [{ field, value, eventTime }]));
  } catch {
    return undefined;
  }
}

/** Far below VS Code's own cut (100,000 characters), so nothing is cut mid-token by the renderer. */
export const MAX_HOVER_MARKDOWN = 40_000;

const DOC_URL = /^https:\/\/docs\.aws\.amazon\.com\/[\w\-./#?=&%]*$/;

function lastSegment(text: string): string {
  const parts = text.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? text;
}

/** Link text quotes a name from the log: short, escaped by markdownLink. */
function named(text: string): string {
  return capText(text, 120);
}

/** The Markdown of one link, or undefined for a link the click handler would refuse (or a doc link off docs.aws.amazon.com). */
export function linkMarkdown(link: ExplainLink, commands: HoverCommands): string | undefined {
  if (link.kind === 'doc') return DOC_URL.test(link.url) ? markdownLink(`AWS docs: ${named(link.title)}`, link.url) : undefined;
  if (link.kind === 'findEvents') return findEventsMarkdown(link, commands);
  const target = followableTarget(link);
  if (!target) return undefined;
  switch (target.kind) {
    case 'trail':
      return markdownLink(`Reveal trail ${named(lastSegment(target.arn))}`, commandUri(commands.revealTrail, [target]), target.arn);
    case 's3Object':
      return markdownLink(
        `Open and decrypt ${named(lastSegment(target.key))}`,
        commandUri(commands.openLog, [target]),
        `s3://${target.bucket}/${target.key}`,
      );
    case 's3Prefix':
      return markdownLink(`Reveal ${named(`s3://${target.bucket}/${target.prefix}`)}`, commandUri(commands.revealS3Prefix, [target]));
    case 'kmsKey':
      return markdownLink(
        `Reveal key ${named(target.alias ?? target.keyId ?? target.arn ?? 'key')}`,
        commandUri(commands.revealKey, [target]),
        target.arn,
      );
  }
}

/** Which key decrypted the document (S3's response headers, which the endpoint controls: escaped like log text). */
export function sseMarkdownText(sse: SseFacts): string {
  if (sse.algorithm === 'aws:kms' || sse.algorithm === 'aws:kms:dsse') {
    const key = sse.kmsKeyId ? inlineCode(capText(sse.kmsKeyId, 300)) : 'an unnamed KMS key';
    return `Decrypted with KMS key ${key} (${escapeMarkdown(sse.algorithm)}${sse.bucketKeyEnabled ? ', S3 Bucket Key' : ''}). Kept in memory only.`;
  }
  if (sse.algorithm)
    return `Encrypted at rest with ${escapeMarkdown(sse.algorithm === 'AES256' ? 'SSE-S3 (AES256)' : capText(sse.algorithm, 100))}; no KMS key involved.`;
  return 'S3 reported no server-side encryption for this object.';
}

/** The hover for an explanation: title, links (first: following one is what the reader came for), sections, SSE facts. */
export function explanationMarkdownText(explanation: Explanation, commands: HoverCommands, decryptedBy?: SseFacts): string {
  let text = `**${escapeMarkdown(explanation.title)}**\n\n`;
  const links = explanation.links.map((link) => linkMarkdown(link, commands)).filter((line): line is string => !!line);
  if (links.length > 0) text += `${links.join(' \\\n')}\n\n---\n\n`;
  for (const section of explanation.sections) {
    const heading = section.heading ? `**${escapeMarkdown(section.heading)}:** ` : '';
    text += `${heading}${escapeMarkdown(section.text)}\n\n`;
  }
  if (decryptedBy) text += `---\n\n${sseMarkdownText(decryptedBy)}\n`;
  return capMarkdown(text);
}

/**
 * The whole text within MAX_HOVER_MARKDOWN. Explanations are capped piece by piece already (limits.ts); this is the
 * last line of defence, cut at a paragraph break so no escape or link is split.
 */
export function capMarkdown(text: string): string {
  if (text.length <= MAX_HOVER_MARKDOWN) return text;
  const cut = text.lastIndexOf('\n\n', MAX_HOVER_MARKDOWN);
  const keep = cut > 0 ? cut : 0;
  return `${text.slice(0, keep)}\n\n${escapeMarkdown(`… (${(text.length - keep).toLocaleString('en-US')} more characters of this explanation)`)}\n`;
}
