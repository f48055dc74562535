import type { LogFileSystemProvider } from './documents/logFileSystem';
import type { AwsSession } from './session';
import type { TrailsView } from './tree/trailsView';

/** What `activate()` returns: the live providers, for the extension-host tests (no behaviour of its own). */
export interface ExtensionApi {
  session: AwsSession;
  trails: TrailsView;
  logFiles: LogFileSystemProvider;
}
