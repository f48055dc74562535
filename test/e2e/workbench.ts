// Playwright helpers for the VS Code workbench, shared by the UI tests and the runner.
import type { Locator, Page } from 'playwright-core';

/** The quick input's text box (quick pick and input box); older workbenches also have checkbox inputs in the list. */
export const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

/** Waits until the workbench is on screen and its extensions have contributed their activity-bar items. */
export async function waitForWorkbench(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The activity-bar item of a view container, by its title (e.g. 'CloudTrail KMS'). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.activitybar .action-item a.action-label[aria-label^="${title}"]`).first();
}

/** Opens a view container from the activity bar (unless it is already open) and returns the sidebar. */
export async function openViewContainer(page: Page, title: string, timeoutMs = 60_000): Promise<Locator> {
  const item = activityBarItem(page, title);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const sidebar = page.locator('.part.sidebar');
  const header = sidebar.locator('.composite.title h2', { hasText: title });
  if (!(await header.isVisible())) await item.click();
  await header.waitFor({ state: 'visible', timeout: timeoutMs });
  return sidebar;
}

/** A view pane inside the sidebar, by the view's name (e.g. 'Trails'). */
export function viewPane(sidebar: Locator, name: string): Locator {
  return sidebar.locator('.pane', { has: sidebar.page().locator('.pane-header', { hasText: name }) }).first();
}

/** Runs a command from the command palette by its full title, e.g. 'CloudTrail: Refresh'. */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(QUICK_INPUT);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title });
  await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
  // The command whose label is the title (with or without its "…"), not a longer one that starts alike and was used
  // more recently ("Find Events" vs "Find Events with Athena…"); the first match when none is exact.
  const count = await rows.count();
  let exact = 0;
  for (let i = 0; i < count; i++) {
    const label = (await rows.nth(i).locator('.label-name').first().innerText()).trim();
    if (label === title || label === `${title}…` || `${label}…` === title) {
      exact = i;
      break;
    }
  }
  await rows.nth(exact).click();
}

/**
 * Right-clicks a row and runs `item` from its context menu. The menu ignores a click that comes too soon after it
 * opened (it takes it for the right button's release) — on a loaded machine Playwright's click can be that soon — so
 * the item is clicked once the menu has settled, and chosen with Enter if the menu is still open after the click.
 */
export async function runContextMenuItem(page: Page, row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const entry = page.locator('.monaco-menu .action-item', { hasText: item }).first();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(500);
  await entry.click();
  await page.waitForTimeout(1_000);
  if (await entry.isVisible()) {
    await entry.hover();
    await page.keyboard.press('Enter');
  }
}

/** Waits until no progress bar runs in the sidebar and no progress badge spins in the activity bar (e.g. while the
 * extension activates for a view), so screenshots show the settled screen. */
export async function waitForIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.part.sidebar .monaco-progress-container.active').first().waitFor({ state: 'hidden', timeout: timeoutMs });
  await page
    .locator('.activitybar .badge.progress-badge, .activitybar .progress-badge')
    .first()
    .waitFor({ state: 'hidden', timeout: timeoutMs });
}
