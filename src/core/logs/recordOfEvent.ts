/**
 * Which record of a log document holds an event, by its eventID — for results that know their log file but not the
 * record's index there (Athena rows). Linear: one or two indexOf over the text, then a binary search of the record
 * starts (the document analysis' index).
 */
export function recordIndexOfEventId(text: string, starts: ArrayLike<number>, count: number, eventID: string): number | undefined {
  if (count <= 0 || eventID === '') return undefined;
  // Pretty-printed logs write `": "`; a log shown as stored (not pretty-printable) may write `":"`.
  const spaced = text.indexOf(`"eventID": "${eventID}"`);
  const at = spaced >= 0 ? spaced : text.indexOf(`"eventID":"${eventID}"`);
  if (at < 0 || starts[0] > at) return undefined;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid] <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}
