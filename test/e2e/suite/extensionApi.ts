// Access to the running extension's providers (what activate() returns) for the extension-host tests.
// The bundled extension has its own copies of the node classes, so nodes are looked at by shape, not instanceof.
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../hostHelpers';

export interface NodeLike {
  kind: string;
  item(): vscode.TreeItem;
  [field: string]: unknown;
}

/** A result as the Results view holds it (src/core/results/model.ts ResultItem). */
export interface ResultItemLike {
  severity: 'error' | 'warning' | 'info' | 'ok';
  label: string;
  detail?: string;
  time?: string;
  group: string[];
  source?: { bucket: string; key: string; region?: string; recordIndex?: number };
  record?: Record<string, unknown>;
}

export interface ResultSetLike {
  kind: string;
  title: string;
  summary?: string;
  items: ResultItemLike[];
  done: boolean;
}

export interface ApiLike {
  trails: {
    provider: { getChildren(node?: NodeLike): Promise<NodeLike[]>; refresh(node?: NodeLike): void };
    view: vscode.TreeView<NodeLike>;
  };
  results: {
    set(id: number): ResultSetLike | undefined;
    provider: { getChildren(node?: unknown): unknown[]; getTreeItem(node: unknown): vscode.TreeItem };
    view: vscode.TreeView<unknown>;
  };
  integrityProblems: { get(uri: vscode.Uri): readonly vscode.Diagnostic[] };
  failures(): ReadonlyArray<{ command: string; logged: string; shown: string; actions: string[] }>;
}

export async function extensionApi(): Promise<ApiLike> {
  const extension = vscode.extensions.getExtension<ApiLike>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function label(node: NodeLike): string {
  const item = node.item();
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export function description(node: NodeLike): string {
  const value = node.item().description;
  return typeof value === 'string' ? value : '';
}

/** The child whose label is `name`; fails with the labels that were there. */
export async function child(api: ApiLike, parent: NodeLike | undefined, name: string): Promise<NodeLike> {
  const children = await api.trails.provider.getChildren(parent);
  const found = children.find((node) => label(node) === name);
  if (!found)
    throw new Error(`no child "${name}" under ${parent ? label(parent) : 'the root'}; children: ${children.map(label).join(', ')}`);
  return found;
}

/** Walks labels from the root down. */
export async function path(api: ApiLike, ...names: string[]): Promise<NodeLike> {
  let node: NodeLike | undefined;
  for (const name of names) node = await child(api, node, name);
  if (!node) throw new Error('empty path');
  return node;
}

/** The Markdown text of all hovers at a position. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return hoversText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}

/** The Markdown text of hovers (what `vscode.executeHoverProvider` answered). */
export function hoversText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')))
    .join('\n---\n');
}

/** `command:<id>?<json args>` links in Markdown, decoded. */
export function commandLinks(markdown: string): { command: string; args: unknown[] }[] {
  const links: { command: string; args: unknown[] }[] = [];
  for (const match of markdown.matchAll(/\]\(command:([A-Za-z0-9_.]+)\?([^)\s"]+)/g)) {
    links.push({ command: match[1], args: JSON.parse(decodeURIComponent(match[2])) as unknown[] });
  }
  return links;
}

/** Position of the n-th occurrence of `needle` (plus `into` characters) in a document. */
export function positionOf(document: vscode.TextDocument, needle: string, into = 2, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = document.getText().indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in ${document.uri.toString()}`);
  }
  return document.positionAt(at + into);
}
