import type { FailureReport } from './commands/command';
import type { IntegrityProblems } from './commands/integrityProblems';
import type { LogFileSystemProvider } from './documents/logFileSystem';
import type { ResultsView } from './results/resultsView';
import type { SearchRuns } from './search/searchRun';
import type { AwsSession } from './session';
import type { TrailsView } from './tree/trailsView';

/** What `activate()` returns: the live providers, for the extension-host tests (no behaviour of its own). */
export interface ExtensionApi {
  session: AwsSession;
  trails: TrailsView;
  logFiles: LogFileSystemProvider;
  /** The Results view: `results.show({ kind, title })` gives a handle that streams a ResultSet into it. */
  results: ResultsView;
  integrityProblems: IntegrityProblems;
  /** The newest failures the command wrapper logged and showed (what, and with which actions). */
  failures(): readonly FailureReport[];
  /** Find Events runs by results document (each also as a ResultSet of kind 'search', for the results view). */
  searches: SearchRuns;
}
