/** A pinned log location (`s3://bucket[/prefix]`): a bucket to browse without a trail, e.g. from a log-archive account. */
import * as vscode from 'vscode';
import { layoutSummary, type LogLayout } from '../../core/logs/layoutHints';
import { shownName } from '../../core/logs/shownName';
import { escapeMarkdown, inlineCode } from '../../core/markdownEscape';
import type { KeyInfo } from '../../core/model';
import { ContextValues } from './contextValues';
import type { LogSource } from './folderNodes';
import type { TrailsNode } from './trailNodes';
import { treeItem } from './treeItem';

/** A key seen decrypting this location's files (from the SSE headers of the objects opened). */
export interface SeenKey {
  arn: string;
  /** The object keys it decrypted (opened in this session). */
  objects: Set<string>;
  info?: KeyInfo;
  error?: string;
}

export class LocationNode {
  readonly kind = 'location';
  readonly parent = undefined;
  children?: TrailsNode[];
  /** Found when the node is first expanded. */
  layout?: LogLayout;
  readonly keys = new Map<string, SeenKey>();
  constructor(
    /** `s3://bucket/prefix` as pinned. */
    readonly uri: string,
    readonly bucket: string,
    /** '' or ending in '/'. */
    readonly prefix: string,
  ) {}

  get source(): LogSource {
    return { id: this.uri, bucket: this.bucket };
  }

  item(): vscode.TreeItem {
    const summary = this.layout ? layoutSummary(this.layout) : undefined;
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`${vscode.l10n.t('**Log location** {0}', inlineCode(this.uri))}\n\n`);
    md.appendMarkdown(
      this.layout
        ? this.layout.notFound !== undefined
          ? escapeMarkdown(this.layout.notFound)
          : vscode.l10n.t('CloudTrail layout: {0}', escapeMarkdown(summary ?? ''))
        : vscode.l10n.t('Expand to find the CloudTrail layout here (key prefix, AWSLogs/, organization, accounts, regions).'),
    );
    md.appendMarkdown(`  \n${vscode.l10n.t('Pinned for this profile; right-click → Remove Log Location to unpin.')}`);
    const shown = shownName(this.uri, 200);
    return treeItem({
      label: shown,
      expandable: true,
      id: `location:${this.uri}`,
      description: summary ?? vscode.l10n.t('log location'),
      tooltip: md,
      icon: 'database',
      contextValue: ContextValues.logLocation,
      accessibility: summary ? vscode.l10n.t('Log location {0}, {1}', shown, summary) : vscode.l10n.t('Log location {0}', shown),
    });
  }
}
