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
    const logging = t.status ? (t.status.isLogging ? 'logging' : 'not logging') : 'status unknown';
    const key = t.kmsKeyArn ? keyName(t.key, t.kmsKeyArn) : undefined;
    const encryption = key ? `SSE-KMS ${key}` : 'SSE-S3';
    const deliveryError = t.status?.latestDeliveryError;
    const troubled =
      !!deliveryError || !!t.statusError || (t.status && !t.status.isLogging) || t.key?.flags.some((f) => f.severity !== 'info');
    const member = seenFromMember(t, this.viewer);
    const scope = member ? `organization trail of ${t.account}` : t.isOrganizationTrail ? 'organization' : undefined;
    const md = new vscode.MarkdownString('', true);
    md.appendMarkdown(`**Trail ${escapeMarkdown(t.name)}**\n\n`);
    if (member)
      md.appendMarkdown(
        `The organization trail of management account ${escapeMarkdown(t.account)}, as your member account ${escapeMarkdown(this.viewer ?? '')} sees it: you may read its settings and status; its logs are in the bucket below, readable where that bucket's policy (usually in a log-archive account) allows.\n\n`,
      );
    else if (t.isOrganizationTrail)
      md.appendMarkdown('An organization trail: it logs every account of the organization, each under its own folder.\n\n');
    md.appendMarkdown(
      `ARN: ${inlineCode(t.arn)}  \nHome region: ${escapeMarkdown(t.homeRegion)}${t.isMultiRegion ? ' (multi-region)' : ''}${t.isOrganizationTrail ? ' (organization trail)' : ''}  \n`,
    );
    md.appendMarkdown(
      `Bucket: ${inlineCode(`s3://${t.bucket}/${t.keyPrefix ? `${t.keyPrefix}/` : ''}`)}  \nEncryption: ${t.kmsKeyArn ? `SSE-KMS with ${escapeMarkdown(key ?? '')} ${inlineCode(t.kmsKeyArn)}` : 'SSE-S3 (S3-managed keys)'}  \n`,
    );
    md.appendMarkdown(`Log file validation: ${t.logFileValidation ? 'on' : 'off'}  \nLogging: ${escapeMarkdown(logging)}`);
    if (t.status?.latestDeliveryTime) md.appendMarkdown(`  \nLast delivery: ${escapeMarkdown(t.status.latestDeliveryTime)}`);
    if (deliveryError) md.appendMarkdown(`  \n$(warning) Last delivery error: ${escapeMarkdown(deliveryError)}`);
    if (t.statusError) md.appendMarkdown(`  \n$(warning) Status unavailable: ${escapeMarkdown(t.statusError)}`);
    const description = [scope, t.homeRegion, logging, encryption, deliveryError ? `delivery error: ${deliveryError}` : undefined]
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
      accessibility: `Trail ${name}, ${description}${troubled ? ', needs attention' : ''}`,
    });
  }
}
