import * as vscode from 'vscode';
import { formatBytes } from '../../core/formatBytes';
import { escapeMarkdown, inlineCode } from '../../core/markdownEscape';
import { parseLogObjectKey } from '../../core/logs/logLayout';
import type { KeyFlag, KeyInfo, LogObject, TrailInfo } from '../../core/model';
import { Commands } from '../commands/commandIds';
import { ContextValues, flagContextValue } from './contextValues';

/** The nodes of the trails tree. Each knows its parent, so `TreeView.reveal` can walk up. */
export type TrailsNode = TrailNode | KeysNode | KeyNode | FlagNode | InfoNode | FolderNode | ObjectNode | LoadMoreNode | ErrorNode;

export class TrailNode {
  readonly kind = 'trail';
  readonly parent = undefined;
  children?: TrailsNode[];
  constructor(readonly trail: TrailInfo) {}

  item(): vscode.TreeItem {
    const t = this.trail;
    const item = new vscode.TreeItem(t.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `trail:${t.arn}`;
    const logging = t.status ? (t.status.isLogging ? 'logging' : 'not logging') : 'status unknown';
    const encryption = t.kmsKeyArn ? 'SSE-KMS' : 'SSE-S3';
    const deliveryError = t.status?.latestDeliveryError;
    item.description = [t.homeRegion, logging, encryption, deliveryError ? `delivery error: ${deliveryError}` : undefined]
      .filter(Boolean)
      .join(' · ');
    const troubled =
      !!deliveryError || !!t.statusError || (t.status && !t.status.isLogging) || t.key?.flags.some((f) => f.severity !== 'info');
    item.iconPath = new vscode.ThemeIcon(
      troubled ? 'warning' : 'history',
      troubled ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined,
    );
    // 'trailKms' lets menus offer what only a KMS-encrypted trail has (its key policy).
    item.contextValue = t.kmsKeyArn ? ContextValues.trailKms : ContextValues.trail;
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**Trail ${escapeMarkdown(t.name)}**\n\n`);
    md.appendMarkdown(
      `ARN: ${inlineCode(t.arn)}  \nHome region: ${escapeMarkdown(t.homeRegion)}${t.isMultiRegion ? ' (multi-region)' : ''}${t.isOrganizationTrail ? ' (organization trail)' : ''}  \n`,
    );
    md.appendMarkdown(
      `Bucket: ${inlineCode(`s3://${t.bucket}/${t.keyPrefix ? `${t.keyPrefix}/` : ''}`)}  \nEncryption: ${t.kmsKeyArn ? `SSE-KMS with ${inlineCode(t.kmsKeyArn)}` : 'SSE-S3 (S3-managed keys)'}  \n`,
    );
    md.appendMarkdown(`Log file validation: ${t.logFileValidation ? 'on' : 'off'}  \nLogging: ${escapeMarkdown(logging)}`);
    if (t.status?.latestDeliveryTime) md.appendMarkdown(`  \nLast delivery: ${escapeMarkdown(t.status.latestDeliveryTime)}`);
    if (deliveryError) md.appendMarkdown(`  \n$(warning) Last delivery error: ${escapeMarkdown(deliveryError)}`);
    if (t.statusError) md.appendMarkdown(`  \n$(warning) Status unavailable: ${escapeMarkdown(t.statusError)}`);
    item.tooltip = md;
    return item;
  }
}

/** All KMS keys of one region, with the same flags as a trail's key (spots disabled or asymmetric keys). */
export class KeysNode {
  readonly kind = 'keys';
  readonly parent = undefined;
  children?: TrailsNode[];
  constructor(readonly region: string) {}

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(`KMS keys · ${this.region}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `keys:${this.region}`;
    item.iconPath = new vscode.ThemeIcon('key');
    item.tooltip = `Every KMS key in ${this.region} (ListKeys, DescribeKey), flagged where CloudTrail could not use it.`;
    item.contextValue = ContextValues.keys;
    return item;
  }
}

export class KeyNode {
  readonly kind = 'key';
  constructor(
    readonly parent: TrailNode | KeysNode,
    readonly keyArn: string,
    readonly key: KeyInfo | undefined,
    readonly error: string | undefined,
  ) {}

  get flags(): KeyFlag[] {
    return this.key?.flags ?? [];
  }

  item(): vscode.TreeItem {
    const key = this.key;
    const label = key?.alias ?? key?.keyId ?? this.keyArn.split('/').pop() ?? this.keyArn;
    const serious = this.flags.filter((f) => f.severity !== 'info');
    const item = new vscode.TreeItem(
      `Key ${label}`,
      this.flags.length > 0 || this.error ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `key:${this.parent instanceof TrailNode ? this.parent.trail.arn : this.parent.region}:${this.keyArn}`;
    item.description = key
      ? [key.keySpec, key.keyState, key.rotationEnabled === undefined ? undefined : key.rotationEnabled ? 'rotation on' : 'rotation off']
          .filter(Boolean)
          .join(' · ')
      : 'could not describe';
    item.iconPath = new vscode.ThemeIcon(
      this.error || serious.some((f) => f.severity === 'error') ? 'error' : serious.length > 0 ? 'warning' : 'key',
      this.error || serious.length > 0
        ? new vscode.ThemeColor(
            serious.some((f) => f.severity === 'error') || this.error ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground',
          )
        : undefined,
    );
    item.contextValue = ContextValues.key;
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**KMS key ${escapeMarkdown(label)}**\n\n${inlineCode(this.keyArn)}`);
    if (key) {
      md.appendMarkdown(
        `  \nSpec: ${escapeMarkdown(key.keySpec ?? '?')} · Usage: ${escapeMarkdown(key.keyUsage ?? '?')} · State: ${escapeMarkdown(key.keyState ?? '?')}`,
      );
      if (key.description) md.appendMarkdown(`  \n${escapeMarkdown(key.description)}`);
    }
    for (const flag of this.flags)
      md.appendMarkdown(`  \n$(${flag.severity === 'info' ? 'info' : 'warning'}) ${escapeMarkdown(flag.message)}`);
    if (this.error) md.appendMarkdown(`  \n$(error) ${escapeMarkdown(this.error)}`);
    item.tooltip = md;
    return item;
  }
}

/** One flag of the AWS layer's key check, with its sentence as tooltip. */
export class FlagNode {
  readonly kind = 'flag';
  constructor(
    readonly parent: KeyNode,
    readonly flag: KeyFlag,
  ) {}

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.flag.message, vscode.TreeItemCollapsibleState.None);
    item.id = `flag:${this.parent.item().id}:${this.flag.code}`;
    item.description = this.flag.code;
    item.tooltip = this.flag.message;
    item.iconPath = new vscode.ThemeIcon(this.flag.severity === 'error' ? 'error' : this.flag.severity === 'warning' ? 'warning' : 'info');
    item.contextValue = flagContextValue(this.flag.code);
    return item;
  }
}

export class InfoNode {
  readonly kind = 'info';
  constructor(
    readonly parent: TrailsNode | undefined,
    readonly label: string,
    readonly tooltip?: string,
    readonly icon = 'info',
  ) {}

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.tooltip = this.tooltip ?? this.label;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = ContextValues.info;
    return item;
  }
}

/** A folder in the trail's bucket, listed a page at a time. */
export class FolderNode {
  readonly kind = 'folder';
  children?: TrailsNode[];
  nextToken?: string;
  constructor(
    readonly parent: TrailNode | FolderNode,
    readonly trail: TrailInfo,
    readonly prefix: string,
    readonly label: string,
    readonly isRoot = false,
  ) {}

  get bucket(): string {
    return this.trail.bucket;
  }

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `folder:${this.trail.arn}:${this.prefix}`;
    if (this.isRoot) item.description = `s3://${this.bucket}/${this.prefix}`;
    item.iconPath = new vscode.ThemeIcon(this.isRoot ? 'archive' : 'folder');
    item.tooltip = `s3://${this.bucket}/${this.prefix}`;
    item.contextValue = ContextValues.folder;
    return item;
  }
}

export class ObjectNode {
  readonly kind = 'object';
  constructor(
    readonly parent: FolderNode,
    readonly trail: TrailInfo,
    readonly object: LogObject,
  ) {}

  get bucket(): string {
    return this.trail.bucket;
  }

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.object.name, vscode.TreeItemCollapsibleState.None);
    item.id = `object:${this.trail.arn}:${this.object.key}`;
    const parsed = parseLogObjectKey(this.object.key);
    const time = parsed?.deliveryTime ? parsed.deliveryTime.slice(11, parsed.isDigest ? 19 : 16) : undefined;
    item.description = [time, formatBytes(this.object.size)].filter(Boolean).join(' · ');
    item.tooltip = `s3://${this.bucket}/${this.object.key}\n${formatBytes(this.object.size)}${this.object.lastModified ? `, modified ${this.object.lastModified}` : ''}\nClick to decrypt and open (read-only, in memory).`;
    item.iconPath = new vscode.ThemeIcon(parsed?.isDigest ? 'verified' : 'file-code');
    item.contextValue = parsed?.isDigest ? ContextValues.digestObject : ContextValues.logObject;
    item.command = { command: Commands.openTreeItem, title: 'Open (decrypt)', arguments: [this] };
    return item;
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: FolderNode) {}

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = `more:${this.parent.trail.arn}:${this.parent.prefix}:${this.parent.nextToken ?? ''}`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = ContextValues.loadMore;
    item.command = { command: Commands.loadMore, title: 'Load more', arguments: [this] };
    return item;
  }
}

/** A failure to load children; clicking it retries. */
export class ErrorNode {
  readonly kind = 'error';
  constructor(
    readonly parent: TrailsNode | undefined,
    readonly message: string,
  ) {}

  item(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message.split(/(?<=\.)\s/)[0], vscode.TreeItemCollapsibleState.None);
    item.description = 'click to retry';
    item.tooltip = this.message;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.contextValue = ContextValues.error;
    item.command = { command: Commands.retry, title: 'Retry', arguments: [this] };
    return item;
  }
}

export function objectNodesOf(parent: FolderNode, trail: TrailInfo, objects: LogObject[]): ObjectNode[] {
  return objects.map((object) => new ObjectNode(parent, trail, object));
}
