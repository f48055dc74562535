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
    const logging = t.status
      ? t.status.isLogging
        ? vscode.l10n.t('logging')
        : vscode.l10n.t('not logging')
      : vscode.l10n.t('status unknown');
    const encryption = t.kmsKeyArn ? 'SSE-KMS' : 'SSE-S3';
    const deliveryError = t.status?.latestDeliveryError;
    const troubled =
      !!deliveryError || !!t.statusError || (t.status && !t.status.isLogging) || t.key?.flags.some((f) => f.severity !== 'info');
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**${vscode.l10n.t('Trail {0}', escapeMarkdown(t.name))}**\n\n`);
    md.appendMarkdown(
      `${vscode.l10n.t('ARN: {0}', inlineCode(t.arn))}  \n${vscode.l10n.t('Home region: {0}', escapeMarkdown(t.homeRegion))}${t.isMultiRegion ? ` ${vscode.l10n.t('(multi-region)')}` : ''}${t.isOrganizationTrail ? ` ${vscode.l10n.t('(organization trail)')}` : ''}  \n`,
    );
    md.appendMarkdown(
      `${vscode.l10n.t('Bucket: {0}', inlineCode(`s3://${t.bucket}/${t.keyPrefix ? `${t.keyPrefix}/` : ''}`))}  \n${vscode.l10n.t('Encryption: {0}', t.kmsKeyArn ? vscode.l10n.t('SSE-KMS with {0}', inlineCode(t.kmsKeyArn)) : vscode.l10n.t('SSE-S3 (S3-managed keys)'))}  \n`,
    );
    md.appendMarkdown(
      `${vscode.l10n.t('Log file validation: {0}', t.logFileValidation ? vscode.l10n.t('on') : vscode.l10n.t('off'))}  \n${vscode.l10n.t('Logging: {0}', escapeMarkdown(logging))}`,
    );
    if (t.status?.latestDeliveryTime)
      md.appendMarkdown(`  \n${vscode.l10n.t('Last delivery: {0}', escapeMarkdown(t.status.latestDeliveryTime))}`);
    if (deliveryError) md.appendMarkdown(`  \n$(warning) ${vscode.l10n.t('Last delivery error: {0}', escapeMarkdown(deliveryError))}`);
    if (t.statusError) md.appendMarkdown(`  \n$(warning) ${vscode.l10n.t('Status unavailable: {0}', escapeMarkdown(t.statusError))}`);
    return treeItem({
      label: t.name,
      expandable: true,
      id: `trail:${t.arn}`,
      description: [t.homeRegion, logging, encryption, deliveryError ? vscode.l10n.t('delivery error: {0}', deliveryError) : undefined]
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
      label: vscode.l10n.t('KMS keys · {0}', this.region),
      expandable: true,
      id: `keys:${this.region}`,
      icon: 'key',
      tooltip: vscode.l10n.t('Every KMS key in {0} (ListKeys, DescribeKey), flagged where CloudTrail could not use it.', this.region),
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
    md.appendMarkdown(`**${vscode.l10n.t('KMS key {0}', escapeMarkdown(label))}**\n\n${inlineCode(this.keyArn)}`);
    if (key) {
      md.appendMarkdown(
        `  \n${vscode.l10n.t('Spec: {0} · Usage: {1} · State: {2}', escapeMarkdown(key.keySpec ?? '?'), escapeMarkdown(key.keyUsage ?? '?'), escapeMarkdown(key.keyState ?? '?'))}`,
      );
      if (key.description) md.appendMarkdown(`  \n${escapeMarkdown(key.description)}`);
    }
    for (const flag of this.flags)
      // l10n-ignore: codicon names; the flag's message comes from the knowledge base (src/core)
      md.appendMarkdown(`  \n$(${flag.severity === 'info' ? 'info' : 'warning'}) ${escapeMarkdown(flag.message)}`);
    if (this.error) md.appendMarkdown(`  \n$(error) ${escapeMarkdown(this.error)}`);
    return treeItem({
      label: vscode.l10n.t('Key {0}', label),
      expandable: this.flags.length > 0 || !!this.error,
      id: `key:${this.parent instanceof TrailNode ? this.parent.trail.arn : this.parent.region}:${this.keyArn}`,
      description: key
        ? [
            key.keySpec,
            key.keyState,
            key.rotationEnabled === undefined
              ? undefined
              : key.rotationEnabled
                ? vscode.l10n.t('rotation on')
                : vscode.l10n.t('rotation off'),
          ]
            .filter(Boolean)
            .join(' · ')
        : vscode.l10n.t('could not describe'),
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
      tooltip: `s3://${this.bucket}/${this.object.key}\n${this.object.lastModified ? vscode.l10n.t('{0}, modified {1}', formatBytes(this.object.size), this.object.lastModified) : formatBytes(this.object.size)}\n${vscode.l10n.t('Click to decrypt and open (read-only, in memory).')}`,
      icon: parsed?.isDigest ? 'verified' : 'file-code',
      contextValue: parsed?.isDigest ? ContextValues.digestObject : ContextValues.logObject,
      command: { command: Commands.openTreeItem, title: vscode.l10n.t('Open (decrypt)'), arguments: [this] },
    });
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: FolderNode) {}

  item(): vscode.TreeItem {
    return treeItem({
      label: vscode.l10n.t('Load more…'),
      id: `more:${this.parent.trail.arn}:${this.parent.prefix}:${this.parent.nextToken ?? ''}`,
      icon: 'ellipsis',
      contextValue: ContextValues.loadMore,
      command: { command: Commands.loadMore, title: vscode.l10n.t('Load more'), arguments: [this] },
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
      description: vscode.l10n.t('click to retry'),
      tooltip: this.message,
      icon: 'error',
      iconColor: 'problemsErrorIcon.foreground',
      contextValue: ContextValues.error,
      command: { command: Commands.retry, title: vscode.l10n.t('Retry'), arguments: [this] },
    });
  }
}
