/** Rows that are not AWS things: a note, a failure (click to retry), a load in progress (click to cancel). */
import * as vscode from 'vscode';
import { shownName } from '../../core/logs/shownName';
import { Commands } from '../commands/commandIds';
import { splitFirstSentence } from '../errorText';
import { ContextValues } from './contextValues';
import type { TrailsNode } from './trailNodes';
import { treeItem } from './treeItem';

export class InfoNode {
  readonly kind = 'info';
  constructor(
    readonly parent: TrailsNode | undefined,
    readonly label: string,
    readonly tooltip?: string,
    readonly icon = 'info',
  ) {}

  item(): vscode.TreeItem {
    return treeItem({
      label: shownName(this.label, 200),
      tooltip: this.tooltip ?? this.label,
      icon: this.icon,
      contextValue: ContextValues.info,
      accessibility: this.tooltip && this.tooltip !== this.label ? `${this.label}. ${this.tooltip}` : this.label,
    });
  }
}

/** The top level's hint that no trail was found (Add Log Location takes it away: it suggested exactly that). */
export class NoTrailsNode extends InfoNode {
  constructor(label: string, tooltip: string) {
    super(undefined, label, tooltip);
  }
}

/** A failure to load children (a timeout included), or a cancelled load; clicking it loads again. */
export class ErrorNode {
  readonly kind = 'error';
  constructor(
    readonly parent: TrailsNode | undefined,
    readonly message: string,
    readonly cancelled = false,
  ) {}

  item(): vscode.TreeItem {
    const headline = shownName(splitFirstSentence(this.message)[0], 200);
    return treeItem({
      label: headline,
      description: this.cancelled ? vscode.l10n.t('click to load again') : vscode.l10n.t('click to retry'),
      tooltip: this.message,
      icon: this.cancelled ? 'debug-pause' : 'error',
      ...(this.cancelled ? {} : { iconColor: 'problemsErrorIcon.foreground' }),
      contextValue: ContextValues.error,
      command: { command: Commands.retry, title: vscode.l10n.t('Retry'), arguments: [this] },
      accessibility: this.cancelled
        ? vscode.l10n.t('{0} Activate to load again.', headline)
        : vscode.l10n.t('Error: {0} Activate to retry.', headline),
    });
  }
}

/** Stands in for the children of `parent` while they load; clicking it cancels the load. */
export class LoadingNode {
  readonly kind = 'loading';
  constructor(
    readonly parent: TrailsNode,
    readonly what: string,
  ) {}

  item(): vscode.TreeItem {
    return treeItem({
      label: vscode.l10n.t('Loading…'),
      description: vscode.l10n.t('click to cancel'),
      tooltip: vscode.l10n.t(
        '{0} Click to cancel (the request also ends by itself at the timeout of the settings cloudtrailKms.*TimeoutSeconds).',
        this.what,
      ),
      icon: 'loading~spin',
      contextValue: ContextValues.loading,
      command: { command: Commands.cancelLoading, title: vscode.l10n.t('Cancel Loading'), arguments: [this] },
      accessibility: vscode.l10n.t('Loading. {0} Activate to cancel.', this.what),
    });
  }
}
