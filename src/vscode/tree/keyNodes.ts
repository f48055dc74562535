/** Key rows of the Trails view: a region's key list, a key (a trail's, a region's, or one that decrypted a pinned location's files) and its flags. */
import * as vscode from 'vscode';
import { escapeMarkdown, inlineCode } from '../../core/markdownEscape';
import type { KeyFlag, KeyInfo } from '../../core/model';
import { ContextValues, flagContextValue } from './contextValues';
import { flagRow, keyDescription, keyName } from './labels';
import type { LocationNode } from './locationNode';
import type { TrailNode, TrailsNode } from './trailNodes';
import { treeItem } from './treeItem';

/** All KMS keys of one region, with the same flags as a trail's key (spots disabled or asymmetric keys). */
export class KeysNode {
  readonly kind = 'keys';
  readonly parent = undefined;
  children?: TrailsNode[];
  constructor(
    readonly region: string,
    readonly viewer?: string,
  ) {}

  item(): vscode.TreeItem {
    return treeItem({
      label: vscode.l10n.t('KMS keys · {0}', this.region),
      expandable: true,
      id: `keys:${this.region}`,
      icon: 'key',
      tooltip: vscode.l10n.t('Every KMS key in {0} (ListKeys, DescribeKey), flagged where CloudTrail could not use it.', this.region),
      contextValue: ContextValues.keys,
      accessibility: vscode.l10n.t('KMS keys in {0}', this.region),
    });
  }
}

function parentId(parent: TrailNode | KeysNode | LocationNode): string {
  return parent.kind === 'trail' ? parent.trail.arn : parent.kind === 'keys' ? parent.region : parent.uri;
}

export class KeyNode {
  readonly kind = 'key';
  constructor(
    readonly parent: TrailNode | KeysNode | LocationNode,
    readonly keyArn: string,
    readonly key: KeyInfo | undefined,
    readonly error: string | undefined,
    /** The caller's account: another account's key says so. */
    readonly viewer?: string,
    /** Why this key is here, when it is not a trail's or a region's key (e.g. "decrypted 2 files here"). */
    readonly note?: string,
  ) {}

  get flags(): KeyFlag[] {
    return this.key?.flags ?? [];
  }

  item(): vscode.TreeItem {
    const key = this.key;
    const name = keyName(key, this.keyArn);
    const serious = this.flags.filter((f) => f.severity !== 'info');
    const failing = !!this.error || serious.some((f) => f.severity === 'error');
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**${vscode.l10n.t('KMS key {0}', escapeMarkdown(name))}**\n\n${inlineCode(this.keyArn)}`);
    if (key) {
      md.appendMarkdown(
        `  \n${vscode.l10n.t(
          'Spec: {0} · Usage: {1} · State: {2}',
          escapeMarkdown(key.keySpec ?? vscode.l10n.t('unknown')),
          escapeMarkdown(key.keyUsage ?? vscode.l10n.t('unknown')),
          escapeMarkdown(key.keyState ?? vscode.l10n.t('unknown')),
        )}`,
      );
      if (key.account)
        md.appendMarkdown(
          `  \n${
            this.viewer && key.account !== this.viewer
              ? vscode.l10n.t('Account: {0} (not yours)', escapeMarkdown(key.account))
              : vscode.l10n.t('Account: {0}', escapeMarkdown(key.account))
          }`,
        );
      if (!key.alias && this.viewer && key.account && key.account !== this.viewer)
        md.appendMarkdown(
          `  \n${vscode.l10n.t('Its alias, if any, is visible only in account {0} (kms:ListAliases).', escapeMarkdown(key.account))}`,
        );
      if (key.description) md.appendMarkdown(`  \n${escapeMarkdown(key.description)}`);
    }
    if (this.note) md.appendMarkdown(`  \n${escapeMarkdown(this.note)}`);
    for (const flag of this.flags)
      // l10n-ignore: codicon names; the flag's message comes from the knowledge base (src/core)
      md.appendMarkdown(`  \n$(${flag.severity === 'info' ? 'info' : 'warning'}) ${escapeMarkdown(flag.message)}`);
    if (this.error) md.appendMarkdown(`  \n$(error) ${escapeMarkdown(this.error)}`);
    const description = [this.note, key ? keyDescription(key, this.viewer) : vscode.l10n.t('could not be described')]
      .filter(Boolean)
      .join(' · ');
    const spoken = description ? vscode.l10n.t('KMS key {0}, {1}', name, description) : vscode.l10n.t('KMS key {0}', name);
    return treeItem({
      label: vscode.l10n.t('Key {0}', name),
      expandable: this.flags.length > 0 || !!this.error,
      id: `key:${parentId(this.parent)}:${this.keyArn}`,
      description,
      tooltip: md,
      icon: failing ? 'error' : serious.length > 0 ? 'warning' : 'key',
      ...(failing
        ? { iconColor: 'problemsErrorIcon.foreground' }
        : serious.length > 0
          ? { iconColor: 'problemsWarningIcon.foreground' }
          : {}),
      contextValue: ContextValues.key,
      accessibility: failing
        ? vscode.l10n.t('{0}, has problems', spoken)
        : serious.length > 0
          ? vscode.l10n.t('{0}, has warnings', spoken)
          : spoken,
    });
  }
}

/** One flag of the AWS layer's key check: a short title, the sentence beside it and as tooltip. */
export class FlagNode {
  readonly kind = 'flag';
  constructor(
    readonly parent: KeyNode,
    readonly flag: KeyFlag,
  ) {}

  item(): vscode.TreeItem {
    const row = flagRow(this.flag);
    return treeItem({
      label: row.label,
      id: `flag:${this.parent.item().id}:${this.flag.code}`,
      description: row.description,
      tooltip: this.flag.message,
      icon: this.flag.severity === 'error' ? 'error' : this.flag.severity === 'warning' ? 'warning' : 'info',
      contextValue: flagContextValue(this.flag.code),
      accessibility: row.accessibility,
    });
  }
}
