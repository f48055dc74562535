import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, hoverText, positionOf } from './extensionApi';

const HOSTILE_AGENT = '[click me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> https://evil.example/x';

describe('hover on a hostile log file on disk', function () {
  this.timeout(30_000);

  it('shows a Markdown link, HTML and a command: URI from userAgent as plain text', async () => {
    await extensionApi();
    const folder = process.env.CLOUDTRAIL_KMS_E2E_WORKSPACE;
    assert.ok(folder, 'CLOUDTRAIL_KMS_E2E_WORKSPACE is not set');
    const file = join(folder, 'hostile-cloudtrail.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          Records: [
            {
              eventVersion: '1.08',
              eventTime: '2026-11-26T01:00:00Z',
              eventSource: 'kms.amazonaws.com',
              eventName: 'Decrypt',
              awsRegion: 'us-west-2',
              userAgent: HOSTILE_AGENT,
              eventType: 'AwsApiCall',
              userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/[x](command:evil)', accountId: '111122223333' },
              requestParameters: { encryptionContext: { 'aws:s3:arn': 'arn:aws:s3:::bucket-1/[y](command:evil2).json.gz' } },
            },
          ],
        },
        null,
        2,
      ),
    );
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.equal(document.languageId, 'json');
    const text = await hoverText(document.uri, positionOf(document, HOSTILE_AGENT.slice(0, 8), 3));
    assert.ok(text.length > 0, 'no hover on the userAgent value');
    assert.ok(!text.includes('](command:workbench'), `a live command link got through: ${text}`);
    assert.ok(!text.includes('<img'), `raw HTML got through: ${text}`);
    assert.ok(!/(^|[^\\])https:\/\/evil/.test(text), `an autolink got through: ${text}`);
    for (const match of text.matchAll(/\]\((command:[A-Za-z0-9_.]+)/g)) assert.match(match[1], /^command:cloudtrailKms\./);
    const context = await hoverText(document.uri, positionOf(document, '"aws:s3:arn"', 3));
    for (const match of context.matchAll(/\]\((command:[A-Za-z0-9_.]+)/g)) assert.match(match[1], /^command:cloudtrailKms\./);
    assert.ok(!context.includes('](command:evil'), context);
  });

  it('costs nothing on JSON that is not CloudTrail', async () => {
    const folder = process.env.CLOUDTRAIL_KMS_E2E_WORKSPACE as string;
    const file = join(folder, 'package-like.json');
    writeFileSync(file, JSON.stringify({ name: 'x', userAgent: 'y', eventType: 'z' }, null, 2));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.doesNotMatch(await hoverText(document.uri, positionOf(document, '"eventType"')), /Kind of event/);
  });
});
