// Rows of the Trails view for UI tests: find one by its exact label (or a label's start), expand a path of them.
import type { Locator } from 'playwright-core';
import { waitForIdle } from '../workbench';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The row whose label is `label` exactly (`startsWith`: whose label starts with it). */
export function treeRow(pane: Locator, label: string, startsWith = false): Locator {
  const name = new RegExp(`^${escaped(label)}${startsWith ? '' : '$'}`);
  return pane.locator('.monaco-list-row', { has: pane.page().locator('.label-name', { hasText: name }) }).first();
}

/** The row of a log file in a day folder: its label starts with the delivery time of the key (`21:04 UTC · `). */
export function logFileRow(pane: Locator, key: string): Locator {
  const time = /_\d{8}T(\d{2})(\d{2})Z_/.exec(key);
  if (!time) throw new Error(`not a CloudTrail log key: ${key}`);
  return treeRow(pane, `${time[1]}:${time[2]} UTC · `, true);
}

/** Expands the rows of `labels` one below the other (waits for each; leaves expanded ones as they are). */
export async function expand(pane: Locator, labels: string[]): Promise<void> {
  for (const label of labels) {
    const row = treeRow(pane, label);
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await waitForIdle(pane.page());
  }
}
