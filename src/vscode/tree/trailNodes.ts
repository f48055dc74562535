/**
 * The nodes of the Trails view. Each knows its parent, so `TreeView.reveal` can walk up. The node classes live in
 * files by family (keyNodes, folderNodes, statusNodes, locationNode); this file holds the trail and re-exports them,
 * so `import { TrailNode, KeyNode, ObjectNode } from '../tree/trailNodes'` keeps working.
 */
import * as vscode from 'vscode';
import { shownName } from '../../core/logs/shownName';
import { escapeMarkdown, inlineCode } from '../../core/markdownEscape';
import type { TrailInfo } from '../../core/model';
import { ContextValues } from './contextValues';
import type { FolderNode, LoadMoreNode, ObjectNode } from './folderNodes';
import type { FlagNode, KeyNode, KeysNode } from './keyNodes';
import { keyName } from './labels';
import type { LocationNode } from './locationNode';
import type { ErrorNode, InfoNode, LoadingNode } from './statusNodes';
import { treeItem } from './treeItem';

export { FolderNode, LoadMoreNode, ObjectNode, type LogSource } from './folderNodes';
export { FlagNode, KeyNode, KeysNode } from './keyNodes';
export { LocationNode } from './locationNode';
export { ErrorNode, InfoNode, LoadingNode } from './statusNodes';

export type TrailsNode =
  TrailNode | KeysNode | KeyNode | FlagNode | InfoNode | FolderNode | ObjectNode | LoadMoreNode | ErrorNode | LoadingNode | LocationNode;

/** Whether this trail is another account's organization trail, as a member account sees it. */
export function seenFromMember(trail: TrailInfo, viewer: string | undefined): boolean {
  return trail.isOrganizationTrail && !!viewer && !!trail.account && viewer !== trail.account;
}

export class TrailNode {
  readonly kind = 'trail';
  readonly parent = undefined;
  children?: TrailsNode[];
  constructor(
    readonly trail: TrailInfo,
    /** The caller's account, when known: a member account's view of an organization trail is labelled as such. */
    readonly viewer?: string,
  ) {}

  item(): vscode.TreeItem {
    const t = this.trail;
    const logging = t.status
      ? t.status.isLogging
        ? vscode.l10n.t('logging')
        : vscode.l10n.t('not logging')
      : vscode.l10n.t('status unknown');
    const key = t.kmsKeyArn ? keyName(t.key, t.kmsKeyArn) : undefined;
    const encryption = key ? `SSE-KMS ${key}` : 'SSE-S3';
    const deliveryError = t.status?.latestDeliveryError;
    const troubled =
      !!deliveryError || !!t.statusError || (t.status && !t.status.isLogging) || t.key?.flags.some((f) => f.severity !== 'info');
    const member = seenFromMember(t, this.viewer);
    const scope = member
      ? vscode.l10n.t('organization trail of {0}', t.account)
      : t.isOrganizationTrail
        ? vscode.l10n.t('organization')
        : undefined;
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**${vscode.l10n.t('Trail {0}', escapeMarkdown(t.name))}**\n\n`);
    if (member)
      md.appendMarkdown(
        `${vscode.l10n.t(
          "The organization trail of management account {0}, as your member account {1} sees it: you may read its settings and status; its logs are in the bucket below, readable where that bucket's policy (usually in a log-archive account) allows.",
          escapeMarkdown(t.account),
          escapeMarkdown(this.viewer ?? ''),
        )}\n\n`,
      );
    else if (t.isOrganizationTrail)
      md.appendMarkdown(
        `${vscode.l10n.t('An organization trail: it logs every account of the organization, each under its own folder.')}\n\n`,
      );
    md.appendMarkdown(
      `${vscode.l10n.t('ARN: {0}', inlineCode(t.arn))}  \n${vscode.l10n.t('Home region: {0}', escapeMarkdown(t.homeRegion))}${t.isMultiRegion ? ` ${vscode.l10n.t('(multi-region)')}` : ''}${t.isOrganizationTrail ? ` ${vscode.l10n.t('(organization trail)')}` : ''}  \n`,
    );
    md.appendMarkdown(
      `${vscode.l10n.t('Bucket: {0}', inlineCode(`s3://${t.bucket}/${t.keyPrefix ? `${t.keyPrefix}/` : ''}`))}  \n${vscode.l10n.t('Encryption: {0}', t.kmsKeyArn ? vscode.l10n.t('SSE-KMS with {0} {1}', escapeMarkdown(key ?? ''), inlineCode(t.kmsKeyArn)) : vscode.l10n.t('SSE-S3 (S3-managed keys)'))}  \n`,
    );
    md.appendMarkdown(
      `${vscode.l10n.t('Log file validation: {0}', t.logFileValidation ? vscode.l10n.t('on') : vscode.l10n.t('off'))}  \n${vscode.l10n.t('Logging: {0}', escapeMarkdown(logging))}`,
    );
    if (t.status?.latestDeliveryTime)
      md.appendMarkdown(`  \n${vscode.l10n.t('Last delivery: {0}', escapeMarkdown(t.status.latestDeliveryTime))}`);
    if (deliveryError) md.appendMarkdown(`  \n$(warning) ${vscode.l10n.t('Last delivery error: {0}', escapeMarkdown(deliveryError))}`);
    if (t.statusError) md.appendMarkdown(`  \n$(warning) ${vscode.l10n.t('Status unavailable: {0}', escapeMarkdown(t.statusError))}`);
    const description = [
      scope,
      t.homeRegion,
      logging,
      encryption,
      deliveryError ? vscode.l10n.t('delivery error: {0}', deliveryError) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    const name = shownName(t.name);
    return treeItem({
      label: name,
      expandable: true,
      id: `trail:${t.arn}`,
      description,
      tooltip: md,
      icon: troubled ? 'warning' : t.isOrganizationTrail ? 'organization' : 'history',
      ...(troubled ? { iconColor: 'problemsWarningIcon.foreground' } : {}),
      // 'trailKms' lets menus offer what only a KMS-encrypted trail has (its key policy).
      contextValue: t.kmsKeyArn ? ContextValues.trailKms : ContextValues.trail,
      accessibility: troubled
        ? vscode.l10n.t('Trail {0}, {1}, needs attention', name, description)
        : vscode.l10n.t('Trail {0}, {1}', name, description),
    });
  }
}
