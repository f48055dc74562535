// Answering our own quick picks and input boxes in UI tests, and switching the profile there and back.
import type { Page } from 'playwright-core';
import { QUICK_INPUT, runCommand } from '../workbench';

/** Answers a quick pick or input box of ours: waits for it by its placeholder, types, confirms. */
export async function answer(page: Page, placeholder: string, text: string): Promise<void> {
  const input = page.locator(`${QUICK_INPUT}[placeholder^="${placeholder}"]`);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(text);
  await page.waitForTimeout(300);
  await input.press('Enter');
}

/**
 * CloudTrail: Select Profile… → the profile whose row shows `label`; for a named profile, returns once the connection
 * item shows it (the setting is written after the pick closes: a command run at once could still see the old profile).
 */
export async function selectProfile(page: Page, label: string): Promise<void> {
  await runCommand(page, 'CloudTrail: Select Profile…');
  await answer(page, 'Which AWS profile', label);
  if (label !== DEFAULT_CHAIN)
    await page
      .locator('.statusbar-item', { hasText: `${label} ·` })
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
}

const DEFAULT_CHAIN = 'Default credential chain';

/**
 * The later tests of this server expect the default profile back (user settings outlive a window): retries a quick
 * input slowed by a loaded machine until the connection item says so.
 */
export async function restoreDefaultProfile(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await selectProfile(page, DEFAULT_CHAIN);
      await page.locator('.statusbar-item', { hasText: 'default ·' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
