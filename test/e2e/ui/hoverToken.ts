// Hovering a token of an editor in UI tests: Monaco re-renders its tokens, and a hover may not open (or open without
// the section a test waits for) when the mouse lands during a re-render, so the token is found again and hovered again.
import type { Locator, Page } from 'playwright-core';

/**
 * Hovers the first token of `editor` whose text matches `token` until a hover shows (holding `hoverText` when given),
 * at most 5 times, moving the mouse away between tries; returns that hover.
 */
export async function hoverToken(page: Page, editor: Locator, token: string | RegExp, hoverText?: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden)', hoverText ? { hasText: hoverText } : {}).first();
  for (let attempt = 0; attempt < 5; attempt++) {
    const target = editor.locator('.view-line span span', { hasText: token }).first();
    await target.waitFor({ state: 'visible', timeout: 20_000 });
    await target.hover();
    try {
      await hover.waitFor({ state: 'visible', timeout: 6_000 });
      return hover;
    } catch {
      await page.mouse.move(5, 5);
    }
  }
  throw new Error(`no hover${hoverText ? ` with "${hoverText}"` : ''} appeared over ${String(token)}`);
}
