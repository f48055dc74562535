import type { LogFileSystemProvider } from './logFileSystem';
import type { AwsSession } from './session';
import type { TrailsView } from './trailsView';

/** What `activate()` returns: the live providers, for the extension-host tests (no behaviour of its own). */
export interface ExtensionApi {
  session: AwsSession;
  trails: TrailsView;
  logFiles: LogFileSystemProvider;
}
