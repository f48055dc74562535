/** A cheap test on the start of a document: is it CloudTrail JSON? (Used to decide whether to hover at all.) */

const HEAD = 16 * 1024;

export function looksLikeCloudTrail(text: string): boolean {
  const head = text.slice(0, HEAD);
  const first = head.search(/[^\s\uFEFF]/);
  if (first < 0) return false;
  const c = head[first];
  if (c !== '{' && c !== '[') return false;
  if (/"Records"\s*:\s*\[/.test(head)) return true;
  if (/"CloudTrailEvent"\s*:/.test(head)) return true;
  const has = (key: string): boolean => head.includes(`"${key}"`);
  return (
    (has('eventVersion') && (has('eventSource') || has('userIdentity') || has('eventType'))) || (has('eventSource') && has('eventName'))
  );
}
