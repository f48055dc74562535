/**
 * The explain engine: what a CloudTrail field or value means, where the cursor is, in any size of document.
 * Pure (no editor, no AWS): used by the hover (src/vscode) and `cli explain`.
 */
export type { TextRange, ExplainLink, ExplainSection, Explanation, OutlineEntry, FindEventsLink, FindEventsField } from './types';
export type { RecordIndex, RecordIndexKind } from './recordIndex';
export { buildRecordIndex, recordAt } from './recordIndex';
export { explain } from './explain';
export { outline } from './outline';
export { looksLikeCloudTrail } from './detect';
export { explainEveryKey, type KeyExplanation } from './enumerate';
export { linkTarget } from './links';
export { parsePath, offsetOfPath, type PathSegment } from './pathOffset';
