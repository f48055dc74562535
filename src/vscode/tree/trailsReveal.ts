import * as vscode from 'vscode';
import type { LinkTarget } from '../../core/explain/linkTargets';
import { FolderNode, KeyNode, KeysNode, ObjectNode, TrailNode, type TrailsNode } from './trailNodes';
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
  return node.kind;
}

/** Finds trails, keys and S3 folders in the tree by what hover links name, and reveals them. */
export class TrailsRevealer {
  constructor(
    private readonly provider: TrailsProvider,
    private readonly view: vscode.TreeView<TrailsNode>,
  ) {}

  private async trailNodes(): Promise<TrailNode[]> {
    return (await this.provider.getChildren()).filter((n): n is TrailNode => n instanceof TrailNode);
  }

  async find(target: LinkTarget): Promise<TrailsNode | undefined> {
    const trails = await this.trailNodes();
    switch (target.kind) {
      case 'trail':
        return trails.find((t) => t.trail.arn === target.arn);
      case 'kmsKey':
        for (const trail of trails) {
          const t = trail.trail;
          const matches =
            (target.arn && (t.kmsKeyArn === target.arn || t.key?.arn === target.arn)) ||
            (target.keyId && (t.key?.keyId === target.keyId || t.kmsKeyArn?.endsWith(`/${target.keyId}`))) ||
            (target.alias && t.key?.alias === target.alias && (!target.region || t.key.region === target.region));
          if (!matches) continue;
          const children = await this.provider.getChildren(trail);
          const keyNode = children.find((c): c is KeyNode => c instanceof KeyNode);
          if (keyNode) return keyNode;
        }
        // A key no trail uses: look in the region's key list.
        for (const keys of (await this.provider.getChildren()).filter((n): n is KeysNode => n instanceof KeysNode)) {
          if (target.region && keys.region !== target.region) continue;
          const found = (await this.provider.getChildren(keys)).find(
            (n): n is KeyNode =>
              n instanceof KeyNode &&
              ((!!target.arn && n.keyArn === target.arn) ||
                (!!target.keyId && n.key?.keyId === target.keyId) ||
                (!!target.alias && n.key?.alias === target.alias)),
          );
          if (found) return found;
        }
        return undefined;
      case 's3Prefix':
      case 's3Object': {
        const wanted = target.kind === 's3Prefix' ? target.prefix : target.key;
        for (const trail of trails.filter((t) => t.trail.bucket === target.bucket)) {
          const children = await this.provider.getChildren(trail);
          const root = children.find((c): c is FolderNode => c instanceof FolderNode && c.isRoot);
          if (!root) continue;
          if (root.prefix.startsWith(wanted)) return target.kind === 's3Prefix' ? root : undefined;
          if (!wanted.startsWith(root.prefix)) continue;
          const found = await this.walk(root, wanted);
          if (found) return found;
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
        (n) => (n instanceof FolderNode && wanted.startsWith(n.prefix)) || (n instanceof ObjectNode && n.object.key === wanted),
      );
      if (!next) return current.prefix.length > folder.prefix.length ? current : undefined;
      if (next instanceof ObjectNode) return next;
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
        '{0} is not in the Trails view: it belongs to none of the trails of the current profile and regions. Choose another profile or region (CloudTrail: Select Profile… / Select Regions…).',
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
