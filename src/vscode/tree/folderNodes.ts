/** Folders and objects of a log bucket, from a trail or a pinned log location, labelled by their level in the layout. */
import * as vscode from 'vscode';
import type { DayPager } from '../../aws/logDays';
import { describeLogPrefix, type LogPrefixParts } from '../../core/logs/logLevels';
import { parseLogObjectKey } from '../../core/logs/logLayout';
import { shownName } from '../../core/logs/shownName';
import type { LogObject, TrailInfo } from '../../core/model';
import { Commands } from '../commands/commandIds';
import { ContextValues } from './contextValues';
import { fileRow, folderRow } from './labels';
import type { TrailsNode } from './trailNodes';
import { treeItem } from './treeItem';

/** Where folders and objects come from: a trail's bucket or a pinned location. */
export interface LogSource {
  /** The trail ARN or the location's `s3://` URI: part of node ids. */
  id: string;
  bucket: string;
  /** Region to send S3 calls to (a trail's home region); undefined: the bucket's own (GetBucketLocation). */
  region?: string;
  trail?: TrailInfo;
}

/** What "Load more…" continues: an S3 page, older days of a region, or more files of a day listed already. */
export type FolderMore = { kind: 's3'; token: string } | { kind: 'days'; pager: DayPager } | { kind: 'files'; rest: LogObject[] };

/** The roles an account plays for the viewer, in words (for its row). */
export interface AccountFacts {
  name?: string;
  roles: string[];
}

export class FolderNode {
  readonly kind = 'folder';
  children?: TrailsNode[];
  more?: FolderMore;
  /** Set once Organizations named the account (account folders). */
  account?: AccountFacts;
  constructor(
    readonly parent: TrailsNode,
    readonly source: LogSource,
    /** The S3 prefix, ending in '/'. A trail's "Logs" root may move under an organization folder once found there. */
    public prefix: string,
    readonly label?: string,
    readonly isRoot = false,
  ) {}

  get bucket(): string {
    return this.source.bucket;
  }

  get trail(): TrailInfo | undefined {
    return this.source.trail;
  }

  get region(): string | undefined {
    return this.source.region;
  }

  get parts(): LogPrefixParts {
    return describeLogPrefix(this.prefix);
  }

  /** The folder's own name (last segment). */
  get name(): string {
    const trimmed = this.prefix.endsWith('/') ? this.prefix.slice(0, -1) : this.prefix;
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
  }

  get uri(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }

  item(): vscode.TreeItem {
    const parts = this.parts;
    const row = this.label
      ? { label: this.label, description: shownName(this.uri, 200), accessibility: `${this.label}, ${this.uri}` }
      : folderRow(parts, this.name, { accountName: this.account?.name, accountRoles: this.account?.roles });
    const icon =
      this.isRoot && this.label
        ? 'archive'
        : ((
            { organization: 'organization', account: 'account', kind: 'list-tree', region: 'globe', day: 'calendar' } as Record<
              string,
              string
            >
          )[parts.level] ?? 'folder');
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendText(this.uri);
    if (parts.level === 'account' && this.account?.name)
      tooltip.appendText(`\n${vscode.l10n.t('Account {0}: {1}', this.name, this.account.name)}`);
    if (parts.level === 'organization')
      tooltip.appendText(
        `\n${vscode.l10n.t("The organization trail writes each member account's logs under {0}/<account id>/.", this.name)}`,
      );
    return treeItem({
      label: row.label,
      expandable: true,
      id: `folder:${this.source.id}:${this.prefix}`,
      ...(row.description ? { description: row.description } : {}),
      icon,
      tooltip,
      contextValue: ContextValues.folder,
      accessibility: row.accessibility,
    });
  }
}

export class ObjectNode {
  readonly kind = 'object';
  constructor(
    readonly parent: FolderNode | TrailsNode,
    readonly source: LogSource,
    readonly object: LogObject,
    readonly sameMinute = false,
  ) {}

  get bucket(): string {
    return this.source.bucket;
  }

  get trail(): TrailInfo | undefined {
    return this.source.trail;
  }

  get region(): string | undefined {
    return this.source.region;
  }

  item(): vscode.TreeItem {
    const parsed = parseLogObjectKey(this.object.key);
    const row = fileRow(this.object, { sameMinute: this.sameMinute, ...(this.trail ? { trailName: this.trail.name } : {}) });
    const tooltip = [
      `s3://${this.bucket}/${this.object.key}`,
      this.object.lastModified ? vscode.l10n.t('{0}; stored {1}.', row.accessibility, this.object.lastModified) : `${row.accessibility}.`,
      parsed?.isDigest
        ? vscode.l10n.t('Click to decrypt and open the digest (read-only, in memory).')
        : vscode.l10n.t('Click to decrypt and open (read-only, in memory).'),
    ].join('\n');
    return treeItem({
      label: row.label,
      id: `object:${this.source.id}:${this.object.key}`,
      ...(row.description ? { description: row.description } : {}),
      tooltip,
      icon: parsed?.isDigest ? 'verified' : parsed?.kind === 'CloudTrail-Insight' ? 'lightbulb' : 'file-code',
      contextValue: parsed?.isDigest ? ContextValues.digestObject : ContextValues.logObject,
      command: { command: Commands.openTreeItem, title: vscode.l10n.t('Open (decrypt)'), arguments: [this] },
      accessibility: row.accessibility,
    });
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: FolderNode) {}

  item(): vscode.TreeItem {
    const more = this.parent.more;
    const label = more?.kind === 'days' ? vscode.l10n.t('Older days…') : vscode.l10n.t('Load more…');
    const count =
      more?.kind !== 'files'
        ? undefined
        : more.rest.length === 1
          ? vscode.l10n.t('1 older file')
          : vscode.l10n.t('{0} older files', more.rest.length);
    const size = this.parent.children?.length ?? 0;
    return treeItem({
      label,
      id: `more:${this.parent.source.id}:${this.parent.prefix}:${size}`,
      ...(count ? { description: count } : {}),
      icon: 'ellipsis',
      contextValue: ContextValues.loadMore,
      command: { command: Commands.loadMore, title: vscode.l10n.t('Load more'), arguments: [this] },
      accessibility: `${label}${count ? ` ${count}` : ''}`,
    });
  }
}
