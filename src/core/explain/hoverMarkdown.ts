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
function findEventsMarkdown(link: unknown, commands: HoverCommands, words: HoverWords): string | undefined {
  try {
    const { field, value, eventTime } = findEventsTarget(link);
    return markdownLink(words.findEvents(field), commandUri(commands.findEventsFromLink, [{ field, value, eventTime }]));
  } catch {
    return undefined;
  }
}

/**
 * The hover's own words around log values (link texts, SSE facts). The editor passes its translations (l10n); English
 * here. Arguments arrive escaped/capped (link texts are escaped again by markdownLink); results are Markdown.
 */
export interface HoverWords {
  awsDocs(title: string): string;
  revealTrail(name: string): string;
  openAndDecrypt(name: string): string;
  reveal(location: string): string;
  revealKey(name: string): string;
  /** `key`: inline code of the key id, or `unnamedKey()`; `how`: the escaped algorithm, maybe with `bucketKey`. */
  decryptedWith(key: string, how: string): string;
  unnamedKey(): string;
  bucketKey(algorithm: string): string;
  encryptedAtRest(algorithm: string): string;
  noEncryption(): string;
  /** "Find events with this key", … by the field the link searches. */
  findEvents(field: FindEventsField): string;
}

export const ENGLISH_HOVER_WORDS: HoverWords = {
  awsDocs: (title) => `AWS docs: ${title}`,
  revealTrail: (name) => `Reveal trail ${name}`,
  openAndDecrypt: (name) => `Open and decrypt ${name}`,
  reveal: (location) => `Reveal ${location}`,
  revealKey: (name) => `Reveal key ${name}`,
  decryptedWith: (key, how) => `Decrypted with KMS key ${key} (${how}). Kept in memory only.`,
  unnamedKey: () => 'an unnamed KMS key',
  bucketKey: (algorithm) => `${algorithm}, S3 Bucket Key`,
  encryptedAtRest: (algorithm) => `Encrypted at rest with ${algorithm}; no KMS key involved.`,
  noEncryption: () => 'S3 reported no server-side encryption for this object.',
  findEvents: (field) => FIND_EVENTS_TITLES[field],
};

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
export function linkMarkdown(link: ExplainLink, commands: HoverCommands, words = ENGLISH_HOVER_WORDS): string | undefined {
  if (link.kind === 'doc') return DOC_URL.test(link.url) ? markdownLink(words.awsDocs(named(link.title)), link.url) : undefined;
  if (link.kind === 'findEvents') return findEventsMarkdown(link, commands, words);
  const target = followableTarget(link);
  if (!target) return undefined;
  switch (target.kind) {
    case 'trail':
      return markdownLink(words.revealTrail(named(lastSegment(target.arn))), commandUri(commands.revealTrail, [target]), target.arn);
    case 's3Object':
      return markdownLink(
        words.openAndDecrypt(named(lastSegment(target.key))),
        commandUri(commands.openLog, [target]),
        `s3://${target.bucket}/${target.key}`,
      );
    case 's3Prefix':
      return markdownLink(words.reveal(named(`s3://${target.bucket}/${target.prefix}`)), commandUri(commands.revealS3Prefix, [target]));
    case 'kmsKey':
      return markdownLink(
        words.revealKey(named(target.alias ?? target.keyId ?? target.arn ?? 'key')),
        commandUri(commands.revealKey, [target]),
        target.arn,
      );
  }
}

/** Which key decrypted the document (S3's response headers, which the endpoint controls: escaped like log text). */
export function sseMarkdownText(sse: SseFacts, words = ENGLISH_HOVER_WORDS): string {
  if (sse.algorithm === 'aws:kms' || sse.algorithm === 'aws:kms:dsse') {
    const key = sse.kmsKeyId ? inlineCode(capText(sse.kmsKeyId, 300)) : escapeMarkdown(words.unnamedKey());
    const algorithm = escapeMarkdown(sse.algorithm);
    return words.decryptedWith(key, sse.bucketKeyEnabled ? words.bucketKey(algorithm) : algorithm);
  }
  if (sse.algorithm)
    return words.encryptedAtRest(escapeMarkdown(sse.algorithm === 'AES256' ? 'SSE-S3 (AES256)' : capText(sse.algorithm, 100)));
  return words.noEncryption();
}

/** The hover for an explanation: title, links (first: following one is what the reader came for), sections, SSE facts. */
export function explanationMarkdownText(
  explanation: Explanation,
  commands: HoverCommands,
  decryptedBy?: SseFacts,
  words = ENGLISH_HOVER_WORDS,
): string {
  let text = `**${escapeMarkdown(explanation.title)}**\n\n`;
  const links = explanation.links.map((link) => linkMarkdown(link, commands, words)).filter((line): line is string => !!line);
  if (links.length > 0) text += `${links.join(' \\\n')}\n\n---\n\n`;
  for (const section of explanation.sections) {
    const heading = section.heading ? `**${escapeMarkdown(section.heading)}:** ` : '';
    text += `${heading}${escapeMarkdown(section.text)}\n\n`;
  }
  if (decryptedBy) text += `---\n\n${sseMarkdownText(decryptedBy, words)}\n`;
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
