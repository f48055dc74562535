/**
 * Caps on what an explanation shows, so a log value of any size yields a hover, CLI line or outline label of bounded
 * size (a 50 KB value made 300,000 characters of Markdown; a 200 MB one made the hover builder throw). What a cap
 * leaves out is said: `… (N more characters)`. Links are kept only when the click handler would follow them.
 */
import { capText } from '../text';
import { isFollowable } from './linkTargets';
import type { ExplainLink, ExplainSection } from './types';

export const EXPLANATION_LIMITS = {
  /** A log value quoted inside a sentence or heading. */
  value: 300,
  title: 400,
  heading: 400,
  /** One section's text (knowledge text plus the values it quotes). */
  text: 4000,
  /** Links to trails, keys and objects (documentation links, from our own tables, are few and always kept). */
  targets: 12,
  /** Each part of an outline label (time, event name, principal). */
  labelPart: 200,
} as const;

/** A log value as a sentence quotes it. */
export function shownValue(value: string): string {
  return capText(value, EXPLANATION_LIMITS.value);
}

/** Links a reader can follow: documentation links and at most `targets` targets that the click handler accepts. */
export function followableLinks(links: readonly ExplainLink[]): ExplainLink[] {
  let targets = 0;
  return links.filter((link) => {
    if (link.kind === 'doc') return true;
    if (targets >= EXPLANATION_LIMITS.targets || !isFollowable(link)) return false;
    targets++;
    return true;
  });
}

/** The body with every text capped and only followable links. */
export function capBody<T extends { title: string; sections: ExplainSection[]; links: ExplainLink[] }>(body: T): T {
  return {
    ...body,
    title: capText(body.title, EXPLANATION_LIMITS.title),
    sections: body.sections.map((section) => ({
      ...(section.heading !== undefined ? { heading: capText(section.heading, EXPLANATION_LIMITS.heading) } : {}),
      text: capText(section.text, EXPLANATION_LIMITS.text),
    })),
    links: followableLinks(body.links),
  };
}
