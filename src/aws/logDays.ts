/**
 * The days of one region's logs, newest first: years, then months, then days are listed folder by folder (never the
 * whole region), a page of about a month at a time. Used by the tree (region → days) and open-by-day pickers.
 */
import type { LogFolder } from '../core/model';
import type { AwsClients } from './clients';
import { listWholeFolder } from './logObjects';

export interface DayPage {
  /** Day folders (`…/YYYY/MM/DD/`), newest first. */
  days: LogFolder[];
  /** Folders under the region that are not years (shown as they are, after the days). Only on the first page. */
  others: LogFolder[];
  /** More (older) days remain. */
  more: boolean;
}

function isDigits(name: string, length: number): boolean {
  return name.length === length && [...name].every((c) => c >= '0' && c <= '9');
}

/** Newest first: digit folders sort as text (fixed width). */
function newestFirst(folders: LogFolder[]): LogFolder[] {
  return [...folders].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Pages through a region folder's days, newest first; keeps where it stopped between calls. */
export class DayPager {
  /** Year or month folders still to open, newest first, each with its depth (0 = year, 1 = month). */
  private pending: Array<{ folder: LogFolder; depth: 0 | 1 }> | undefined;

  constructor(
    private readonly clients: AwsClients,
    private readonly where: { bucket: string; prefix: string; region?: string },
  ) {}

  get started(): boolean {
    return this.pending !== undefined;
  }

  get more(): boolean {
    return this.pending === undefined || this.pending.length > 0;
  }

  private async folders(prefix: string, signal?: AbortSignal): Promise<LogFolder[]> {
    // A year has 12 months, a month 31 days: one page; the cap only stops a bucket writer's endless listing.
    return (await listWholeFolder(this.clients, { ...this.where, prefix }, { signal, maxPages: 3 })).folders;
  }

  /** The next page: at least `atLeast` days unless the region runs out (whole months, so a page may hold more). */
  async next(atLeast = 31, signal?: AbortSignal): Promise<DayPage> {
    let others: LogFolder[] = [];
    if (!this.pending) {
      const top = await this.folders(this.where.prefix, signal);
      others = top.filter((folder) => !isDigits(folder.name, 4));
      this.pending = newestFirst(top.filter((folder) => isDigits(folder.name, 4))).map((folder) => ({ folder, depth: 0 as const }));
    }
    const days: LogFolder[] = [];
    while (days.length < atLeast && this.pending.length > 0) {
      const { folder, depth } = this.pending[0];
      const children = await this.folders(folder.prefix, signal);
      this.pending.shift(); // only once listed: a failed or cancelled listing is tried again on the next call
      const wanted = newestFirst(children.filter((child) => isDigits(child.name, 2)));
      if (depth === 0) this.pending.unshift(...wanted.map((month) => ({ folder: month, depth: 1 as const })));
      else days.push(...wanted);
    }
    return { days, others, more: this.pending.length > 0 };
  }
}
