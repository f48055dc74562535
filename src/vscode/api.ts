import type { LogFileSystemProvider } from './documents/logFileSystem';
import type { SearchRuns } from './search/searchRun';
import type { AwsSession } from './session';
import type { TrailsView } from './tree/trailsView';

/** What `activate()` returns: the live providers, for the extension-host tests (no behaviour of its own). */
export interface ExtensionApi {
  session: AwsSession;
  trails: TrailsView;
  logFiles: LogFileSystemProvider;
  /** Find Events runs by results document (each also as a ResultSet of kind 'search', for the results view). */
  searches: SearchRuns;
}
