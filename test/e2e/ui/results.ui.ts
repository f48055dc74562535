// The Results view and failure notifications as a user meets them: validation with the INVALID file first and
// openable, KMS activity grouped with the denied calls first, the auditor's decrypt denial with its actions and the
// whole explanation behind Show Details, and one tab per log object.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { UiTest } from '../uiTest';
import { openViewContainer, QUICK_INPUT, runCommand, runContextMenuItem, viewPane, waitForIdle } from '../workbench';
import { newestLogKeys, world } from '../worldFacts';
import { answer, restoreDefaultProfile, selectProfile } from './quickAnswers';

function exactRow(pane: Locator, label: string): Locator {
  return pane
    .locator('.monaco-list-row', {
      has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    })
    .first();
}

/** The two panes of the CloudTrail KMS container, the Trails tree loaded. */
async function panes(page: Page): Promise<{ trails: Locator; results: Locator }> {
  const sidebar = await openViewContainer(page, 'CloudTrail KMS');
  const trails = viewPane(sidebar, 'Trails');
  await exactRow(trails, world().trails.management.name).waitFor({ state: 'visible', timeout: 60_000 });
  return { trails, results: viewPane(sidebar, 'Results') };
}

/** The rows of a pane's tree in screen order, as "label | description". */
async function rowTexts(pane: Locator): Promise<string[]> {
  const rows = pane.locator('.monaco-list-row');
  const texts: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    // A row may be re-rendered while it is read (results keep arriving): such a row reads as empty.
    const label = (
      await row
        .locator('.label-name')
        .first()
        .innerText({ timeout: 2_000 })
        .catch(() => '')
    ).trim();
    const description = await row
      .locator('.label-description')
      .first()
      .innerText({ timeout: 1_000 })
      .catch(() => '');
    texts.push(description ? `${label} | ${description.trim()}` : label);
  }
  return texts;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting for the Results view to change');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function notificationCenterItem(page: Page, text: string | RegExp): Promise<Locator> {
  await runCommand(page, 'Notifications: Show Notifications');
  const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  return item;
}

export const tests: UiTest[] = [
  {
    name: 'Results view: validation shows the INVALID log first with its reason, counts per day, and opens the file',
    timeoutMs: 180_000,
    async run({ page, screenshot }) {
      const facts = world();
      const { results } = await panes(page);
      await runCommand(page, 'CloudTrail: Validate Log File Integrity…');
      await answer(page, 'Which trail?', facts.trails.management.name);
      await answer(page, 'Which digests?', 'Last 7 days');
      // A multi-region trail asks for the region whose chain to walk (the home region is offered first).
      const regionPick = page.locator(`${QUICK_INPUT}[placeholder^="Digests of which region?"]`);
      const invalid = exactRow(results, 'INVALID');
      await Promise.race([
        regionPick.waitFor({ state: 'visible', timeout: 60_000 }),
        invalid.waitFor({ state: 'visible', timeout: 60_000 }),
      ]);
      if (await regionPick.isVisible()) await answer(page, 'Digests of which region?', facts.region);
      await invalid.waitFor({ state: 'visible', timeout: 120_000 });
      await results.locator('.monaco-list-row .codicon-loading').first().waitFor({ state: 'hidden', timeout: 120_000 });
      await waitForIdle(page);
      const rows = await rowTexts(results);
      // The set (with its summary), then the INVALID group, then the tampered file with its reason.
      assert.match(rows[0], new RegExp(`^Integrity of ${facts.trails.management.name} .*\\| 1 INVALID · \\d+/\\d+ logs valid`), rows[0]);
      assert.match(rows[1], /^INVALID \| 1 · \d{4}-\d{2}-\d{2}$/, rows[1]);
      assert.match(rows[2], /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · log file \| hash value doesn't match$/, rows[2]);
      assert.match(rows[3], /^Valid \| \d+/, rows[3]);
      await screenshot('results-validation');
      // The tampered file opens decrypted, in the editor.
      await results.locator('.monaco-list-row').nth(2).click();
      const fileName = (facts.tamperedLogKey.split('/').pop() ?? '').replace(/\.gz$/, '');
      await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page
        .locator('.editor-instance .monaco-editor', { hasText: '"Records"' })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      // Problems: the INVALID file is a diagnostic there too.
      await runCommand(page, 'View: Focus Problems');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'INVALID' }).first();
      await problem.waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot('results-validation-opened');
    },
  },
  {
    name: 'Results view: KMS activity of a key grouped by principal, operation and outcome, denied calls first',
    timeoutMs: 300_000,
    async run({ page, screenshot }) {
      const facts = world();
      const { trails, results } = await panes(page);
      const trail = exactRow(trails, facts.trails.management.name);
      if ((await trail.getAttribute('aria-expanded')) !== 'true') await trail.click();
      const key = exactRow(trails, `Key ${facts.keys.healthy.alias}`);
      await key.waitFor({ state: 'visible', timeout: 60_000 });
      await runContextMenuItem(page, key, 'Show KMS Activity');
      const set = exactRow(results, `KMS activity of ${facts.keys.healthy.alias} · ${facts.region} · last 90 days`);
      await set.waitFor({ state: 'visible', timeout: 60_000 });
      await results.locator('.monaco-list-row .codicon-loading').first().waitFor({ state: 'hidden', timeout: 120_000 });
      await waitForIdle(page);
      // LookupEvents gives the newest events first: the tests before this one decrypted many logs as the admin, so the
      // auditor's refusals may lie beyond the first page. Load more, as a user would, until they are in.
      let rows = await rowTexts(results);
      const summary = (): string => rows.find((row) => row.startsWith('KMS activity of')) ?? '';
      for (let page_ = 0; page_ < 8 && / 0 denied /.test(summary()); page_++) {
        const more = exactRow(results, 'Load 200 more events');
        if (!(await more.isVisible())) break;
        const before = summary();
        await more.click();
        await waitFor(async () => {
          rows = await rowTexts(results);
          return summary() !== before && !summary().includes('running');
        });
      }
      const top = rows.findIndex((row) => row.startsWith('KMS activity of'));
      assert.match(rows[top], /\| \d+\+? events · [1-9]\d* denied · \d+ principals/, rows[top]);
      // The first principal is the one refused; its first operation's first outcome is a denial.
      const [principal, operation, outcome] = rows.slice(top + 1, top + 4);
      assert.match(principal, / \| \d+ · /, principal);
      assert.match(operation, / \| \d+ · /, operation);
      assert.match(outcome, /^Denied \(AccessDenied(Exception)?\) \| \d+/, `not denied first: ${rows.slice(top, top + 6).join(' / ')}`);
      await screenshot('results-activity');
      // An event opens as a JSON record with hovers.
      const event = results
        .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/ }) })
        .first();
      await event.click();
      await page
        .locator('.editor-instance .monaco-editor', { hasText: '"errorCode"' })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot('results-activity-event');
    },
  },
  {
    name: 'one document per object: opening a log that is already open shows its tab',
    async run({ page, screenshot }) {
      const facts = world();
      await panes(page);
      const key = newestLogKeys(facts).keys[2];
      const fileName = (key.split('/').pop() ?? '').replace(/\.gz$/, '');
      for (let i = 0; i < 2; i++) {
        await runCommand(page, 'CloudTrail: Open S3 URI or ARN…');
        await answer(page, 's3://', `s3://${facts.trails.management.bucket}/${key}`);
        await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ state: 'visible', timeout: 60_000 });
        await page.waitForTimeout(1_000);
      }
      assert.equal(await page.locator('.tabs-container .tab', { hasText: fileName }).count(), 1, 'the log opened in a second tab');
      await screenshot('one-tab-per-log');
    },
  },
  {
    name: "the auditor's decrypt denial: one sentence with Show Details, Copy Policy Statement and Select Profile…",
    timeoutMs: 180_000,
    async run({ page, screenshot }) {
      const facts = world();
      await panes(page);
      await selectProfile(page, 'sandbox-auditor');
      try {
        const key = newestLogKeys(facts).keys[1];
        await runCommand(page, 'CloudTrail: Open S3 URI or ARN…');
        await answer(page, 's3://', `s3://${facts.trails.management.bucket}/${key}`);
        await page.waitForTimeout(2_000);
        const notification = await notificationCenterItem(page, 'KMS refused user/auditor kms:Decrypt');
        const text = (await notification.innerText()).replace(/\s+/g, ' ');
        assert.match(
          text,
          /Could not open the log file: KMS refused user\/auditor kms:Decrypt with key alias\/\S+ \(not allowed by the IAM policy\)\./,
        );
        assert.doesNotMatch(text, /cloudtrail-log:|aws s3|--profile|\?region=/, 'internal or CLI wording reached the user');
        for (const action of ['Show Details', 'Copy Policy Statement', 'Select Profile…'])
          assert.ok(await notification.locator('.monaco-button', { hasText: action }).first().isVisible(), `no ${action} button`);
        await screenshot('error-auditor-denial');
        await notification.locator('.monaco-button', { hasText: 'Show Details' }).first().click();
        const details = page.locator('.editor-instance .monaco-editor', { hasText: 'What to do' }).first();
        await details.waitFor({ state: 'visible', timeout: 30_000 });
        const shown = (await details.innerText()).replace(/\u00a0/g, ' ');
        assert.match(shown, /What happened/);
        assert.match(shown, /Why/);
        assert.match(shown, /"Action": "kms:Decrypt"/);
        assert.doesNotMatch(shown.replace(/\s+/g, ' '), /e\.g\. the statement \{/, 'the statement is shown twice');
        assert.ok(shown.includes(facts.keys.healthy.arn), 'the statement does not name the real key');
        await screenshot('error-auditor-details');
      } finally {
        await restoreDefaultProfile(page);
      }
    },
  },
];
