import * as vscode from 'vscode';
import { formatBytes } from '../../core/formatBytes';
import { escapeMarkdown, inlineCode } from '../../core/markdownEscape';
import { parseLogObjectKey } from '../../core/logs/logLayout';
import type { KeyFlag, KeyInfo, LogObject, TrailInfo } from '../../core/model';
import { Commands } from '../commands/commandIds';
import { splitFirstSentence } from '../errorText';
import { ContextValues, flagContextValue } from './contextValues';
import { treeItem } from './treeItem';

/** The nodes of the trails tree. Each knows its parent, so `TreeView.reveal` can walk up. */
export type TrailsNode = TrailNode | KeysNode | KeyNode | FlagNode | InfoNode | FolderNode | ObjectNode | LoadMoreNode | ErrorNode;

/** A node at the top of the tree: no parent; its children are loaded once and kept until a refresh. */
abstract class RootNode {
  readonly parent = undefined;
  children?: TrailsNode[];
}

export class TrailNode extends RootNode {
  readonly kind = 'trail';
  constructor(readonly trail: TrailInfo) {
    super();
  }

  item(): vscode.TreeItem {
    const t = this.trail;
    const logging = t.status ? (t.status.isLogging ? 'logging' : 'not logging') : 'status unknown';
    const encryption = t.kmsKeyArn ? 'SSE-KMS' : 'SSE-S3';
    const deliveryError = t.status?.latestDeliveryError;
    const troubled =
      !!deliveryError || !!t.statusError || (t.status && !t.status.isLogging) || t.key?.flags.some((f) => f.severity !== 'info');
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
    return treeItem({
      label: t.name,
      expandable: true,
      id: `trail:${t.arn}`,
      description: [t.homeRegion, logging, encryption, deliveryError ? `delivery error: ${deliveryError}` : undefined]
        .filter(Boolean)
        .join(' · '),
      tooltip: md,
      icon: troubled ? 'warning' : 'history',
      ...(troubled ? { iconColor: 'problemsWarningIcon.foreground' } : {}),
      // 'trailKms' lets menus offer what only a KMS-encrypted trail has (its key policy).
      contextValue: t.kmsKeyArn ? ContextValues.trailKms : ContextValues.trail,
    });
  }
}

/** All KMS keys of one region, with the same flags as a trail's key (spots disabled or asymmetric keys). */
export class KeysNode extends RootNode {
  readonly kind = 'keys';
  constructor(readonly region: string) {
    super();
  }

  item(): vscode.TreeItem {
    return treeItem({
      label: `KMS keys · ${this.region}`,
      expandable: true,
      id: `keys:${this.region}`,
      icon: 'key',
      tooltip: `Every KMS key in ${this.region} (ListKeys, DescribeKey), flagged where CloudTrail could not use it.`,
      contextValue: ContextValues.keys,
    });
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
    const failing = !!this.error || serious.some((f) => f.severity === 'error');
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
    return treeItem({
      label: `Key ${label}`,
      expandable: this.flags.length > 0 || !!this.error,
      id: `key:${this.parent instanceof TrailNode ? this.parent.trail.arn : this.parent.region}:${this.keyArn}`,
      description: key
        ? [key.keySpec, key.keyState, key.rotationEnabled === undefined ? undefined : key.rotationEnabled ? 'rotation on' : 'rotation off']
            .filter(Boolean)
            .join(' · ')
        : 'could not describe',
      tooltip: md,
      icon: failing ? 'error' : serious.length > 0 ? 'warning' : 'key',
      ...(failing
        ? { iconColor: 'problemsErrorIcon.foreground' }
        : serious.length > 0
          ? { iconColor: 'problemsWarningIcon.foreground' }
          : {}),
      contextValue: ContextValues.key,
    });
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
    return treeItem({
      label: this.flag.message,
      id: `flag:${this.parent.item().id}:${this.flag.code}`,
      description: this.flag.code,
      tooltip: this.flag.message,
      icon: this.flag.severity === 'error' ? 'error' : this.flag.severity === 'warning' ? 'warning' : 'info',
      contextValue: flagContextValue(this.flag.code),
    });
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
    return treeItem({ label: this.label, tooltip: this.tooltip ?? this.label, icon: this.icon, contextValue: ContextValues.info });
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
    return treeItem({
      label: this.label,
      expandable: true,
      id: `folder:${this.trail.arn}:${this.prefix}`,
      ...(this.isRoot ? { description: `s3://${this.bucket}/${this.prefix}` } : {}),
      icon: this.isRoot ? 'archive' : 'folder',
      tooltip: `s3://${this.bucket}/${this.prefix}`,
      contextValue: ContextValues.folder,
    });
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
    const parsed = parseLogObjectKey(this.object.key);
    const time = parsed?.deliveryTime ? parsed.deliveryTime.slice(11, parsed.isDigest ? 19 : 16) : undefined;
    return treeItem({
      label: this.object.name,
      id: `object:${this.trail.arn}:${this.object.key}`,
      description: [time, formatBytes(this.object.size)].filter(Boolean).join(' · '),
      tooltip: `s3://${this.bucket}/${this.object.key}\n${formatBytes(this.object.size)}${this.object.lastModified ? `, modified ${this.object.lastModified}` : ''}\nClick to decrypt and open (read-only, in memory).`,
      icon: parsed?.isDigest ? 'verified' : 'file-code',
      contextValue: parsed?.isDigest ? ContextValues.digestObject : ContextValues.logObject,
      command: { command: Commands.openTreeItem, title: 'Open (decrypt)', arguments: [this] },
    });
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: FolderNode) {}

  item(): vscode.TreeItem {
    return treeItem({
      label: 'Load more…',
      id: `more:${this.parent.trail.arn}:${this.parent.prefix}:${this.parent.nextToken ?? ''}`,
      icon: 'ellipsis',
      contextValue: ContextValues.loadMore,
      command: { command: Commands.loadMore, title: 'Load more', arguments: [this] },
    });
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
    return treeItem({
      label: splitFirstSentence(this.message)[0],
      description: 'click to retry',
      tooltip: this.message,
      icon: 'error',
      iconColor: 'problemsErrorIcon.foreground',
      contextValue: ContextValues.error,
      command: { command: Commands.retry, title: 'Retry', arguments: [this] },
    });
  }
}
