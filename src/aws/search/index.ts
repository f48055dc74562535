/** Find Events over log files: the workflow the CLI's `search` and the editor's Find Events… share (engine.ts). */
export { searchLogs, DEFAULT_SEARCH_CONCURRENCY, MAX_SEARCH_CONCURRENCY, DEFAULT_CONFIRM_ABOVE_FILES, type SearchOptions } from './engine';
export { MAX_DAY_FOLDERS, MAX_FILES } from './listing';
export { MAX_SEARCH_FILE_BYTES } from './readLog';
