import * as vscode from 'vscode';
import type { LinkTarget } from '../../core/explain/linkTargets';
import { FolderNode, KeyNode, KeysNode, LocationNode, ObjectNode, TrailNode, type TrailsNode } from './trailNodes';
import type { TrailsProvider } from './trailsTree';

export interface RevealResult {
  revealed: boolean;
  node?: string;
  message?: string;
}

function describe(node: TrailsNode): string {
  if (node instanceof TrailNode) return `trail ${node.trail.arn}`;
  if (node instanceof KeyNode) return `key ${node.keyArn}`;
  if (node instanceof FolderNode) return `folder s3://${node.bucket}/${node.prefix}`;
  if (node instanceof ObjectNode) return `object s3://${node.bucket}/${node.object.key}`;
  if (node instanceof LocationNode) return `location ${node.uri}`;
  return node.kind;
}

function keyMatches(node: KeyNode, target: Extract<LinkTarget, { kind: 'kmsKey' }>): boolean {
  return (
    (!!target.arn && node.keyArn === target.arn) ||
    (!!target.keyId && (node.key?.keyId === target.keyId || node.keyArn.endsWith(`/${target.keyId}`))) ||
    (!!target.alias && node.key?.alias === target.alias && (!target.region || node.key.region === target.region))
  );
}

/** Finds trails, keys and S3 folders in the tree by what hover links name, and reveals them. */
export class TrailsRevealer {
  constructor(
    private readonly provider: TrailsProvider,
    private readonly view: vscode.TreeView<TrailsNode>,
  ) {}

  async find(target: LinkTarget): Promise<TrailsNode | undefined> {
    const roots = await this.provider.getChildren();
    switch (target.kind) {
      case 'trail':
        return roots.find((node): node is TrailNode => node instanceof TrailNode && node.trail.arn === target.arn);
      case 'kmsKey': {
        // A trail's key, a key that decrypted a pinned location's files, then the region's key lists.
        for (const root of roots) {
          if (root instanceof TrailNode) {
            const t = root.trail;
            const usesKey =
              (target.arn && (t.kmsKeyArn === target.arn || t.key?.arn === target.arn)) ||
              (target.keyId && (t.key?.keyId === target.keyId || t.kmsKeyArn?.endsWith(`/${target.keyId}`))) ||
              (target.alias && t.key?.alias === target.alias && (!target.region || t.key.region === target.region));
            if (!usesKey) continue;
          } else if (!(root instanceof LocationNode) || (root.keys.size === 0 && !root.children)) continue;
          const found = (await this.provider.getChildren(root)).find(
            (n): n is KeyNode => n instanceof KeyNode && (root instanceof TrailNode || keyMatches(n, target)),
          );
          if (found) return found;
        }
        for (const keys of roots.filter((n): n is KeysNode => n instanceof KeysNode)) {
          if (target.region && keys.region !== target.region) continue;
          const found = (await this.provider.getChildren(keys)).find((n): n is KeyNode => n instanceof KeyNode && keyMatches(n, target));
          if (found) return found;
        }
        return undefined;
      }
      case 's3Prefix':
      case 's3Object': {
        const wanted = target.kind === 's3Prefix' ? target.prefix : target.key;
        for (const root of roots) {
          const inBucket =
            (root instanceof TrailNode && root.trail.bucket === target.bucket) ||
            (root instanceof LocationNode && root.bucket === target.bucket);
          if (!inBucket) continue;
          for (const child of await this.provider.getChildren(root)) {
            if (!(child instanceof FolderNode)) continue;
            if (child.isRoot) await this.provider.getChildren(child); // a trail's root may move under its organization folder
            if (child.prefix.startsWith(wanted)) {
              if (target.kind === 's3Prefix') return child;
              continue;
            }
            if (!wanted.startsWith(child.prefix)) continue;
            const found = await this.walk(child, wanted);
            if (found) return found;
          }
        }
        return undefined;
      }
    }
  }

  /** Down from `folder` to the folder or object named by `wanted`, one listing per level. */
  private async walk(folder: FolderNode, wanted: string): Promise<TrailsNode | undefined> {
    let current: FolderNode = folder;
    for (let depth = 0; depth < 12; depth++) {
      if (current.prefix === wanted) return current;
      const next = await this.provider.findInFolder(
        current,
        (n) =>
          (n instanceof FolderNode && (wanted.startsWith(n.prefix) || n.prefix.startsWith(wanted))) ||
          (n instanceof ObjectNode && n.object.key === wanted),
      );
      if (!next) return current.prefix.length > folder.prefix.length ? current : undefined;
      if (next instanceof ObjectNode) return next;
      if ((next as FolderNode).prefix.startsWith(wanted)) return next; // a month named: its newest day
      current = next as FolderNode;
    }
    return current;
  }

  async reveal(target: LinkTarget): Promise<RevealResult> {
    const node = await this.find(target);
    if (!node) {
      const what =
        target.kind === 'trail'
          ? vscode.l10n.t('Trail {0}', target.arn)
          : target.kind === 'kmsKey'
            ? vscode.l10n.t('Key {0}', target.arn ?? target.alias ?? target.keyId ?? '')
            : `s3://${target.bucket}/${target.kind === 's3Prefix' ? target.prefix : target.key}`;
      const message = vscode.l10n.t(
        '{0} is not in the Trails view: it belongs to none of the trails or log locations of the current profile and regions. Choose another profile or region (CloudTrail: Select Profile… / Select Regions…), or add its bucket with CloudTrail: Add Log Location….',
        what,
      );
      void vscode.window.showInformationMessage(message);
      return { revealed: false, message };
    }
    await vscode.commands.executeCommand('workbench.view.extension.cloudtrailKms');
    // Right after the view becomes visible its tree may not know the nodes yet ("Data tree node not found"): retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.view.reveal(node, {
          select: true,
          focus: true,
          expand: node instanceof FolderNode || node instanceof KeyNode ? 1 : false,
        });
        return { revealed: true, node: describe(node) };
      } catch (error) {
        if (attempt >= 8) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
}
