/** Issue 12 item 4: Object.prototype names in a log are values like any other, never knowledge-table hits. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecordIndex, explain, explainEveryKey, outline } from '../../../src/core/explain';
import { main } from '../../../src/cli';
import { realFile } from './realEvents';

const NAMES = Object.getOwnPropertyNames(Object.prototype);
const NATIVE = /native code|function |\[object /;

/** A real KMS event with `name` in every place a table is consulted by a value or a key. */
function poisoned(name: string): string {
  type Event = Record<string, Record<string, unknown>> & { resources: Record<string, unknown>[] };
  const event = JSON.parse(realFile('kms-developer-guide/services-dynamodb-creategrant.json')) as Event;
  const record = event as unknown as Record<string, unknown>;
  record.eventName = name;
  record.errorCode = name;
  record.eventType = name;
  event.userIdentity.invokedBy = name;
  event.userIdentity.type = name;
  event.resources[0].type = name;
  (event.requestParameters.constraints as Record<string, Record<string, string>>).encryptionContextSubset[name] = name;
  event.requestParameters[name] = name;
  record.additionalEventData = { [name]: name };
  const kms = JSON.stringify(event, null, 2);
  const service = JSON.stringify({ ...event, userIdentity: { type: 'AWSService', invokedBy: name } }, null, 2);
  const other = JSON.stringify({ ...event, eventSource: name }, null, 2);
  return `{"Records": [${kms}, ${service}, ${other}]}`;
}

test('Object.prototype names as event names, services, principals, error codes, context keys and resource types explain as unknown values', () => {
  for (const name of NAMES) {
    const text = poisoned(name);
    const index = buildRecordIndex(text);
    let explained = 0;
    for (let offset = 0; offset < text.length; offset += 2) {
      const hover = explain(text, offset, index);
      if (!hover) continue;
      explained++;
      const body = [hover.title, ...hover.sections.map((s) => `${s.heading ?? ''} ${s.text}`)].join('\n');
      assert.doesNotMatch(body, NATIVE, `${name} @${offset}: ${body}`);
    }
    assert.ok(explained > text.length / 4, `${name}: only ${explained} hovers`);
    for (let at = text.indexOf(`"eventName": "${name}"`); at >= 0; at = text.indexOf(`"eventName": "${name}"`, at + 1)) {
      const hover = explain(text, at + `"eventName": "`.length, index);
      assert.ok(hover, `${name}: the hover on the event name vanished`);
      assert.ok(
        hover.sections.some((s) => s.heading === 'What happened'),
        `${name}: no story`,
      );
    }
    for (const entry of explainEveryKey(text, index)) {
      assert.doesNotMatch([entry.title ?? '', ...entry.sections.map((s) => s.text)].join('\n'), NATIVE, `${name}: ${entry.path.join('.')}`);
    }
    for (const entry of outline(text, index)) assert.doesNotMatch(entry.label, NATIVE, `${name}: outline ${entry.label}`);
    assert.equal(outline(text, index).length, 3);
  }
});

const dir = mkdtempSync(join(tmpdir(), 'ct-explain-proto-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('explain --all runs through every Object.prototype name without crashing', async () => {
  for (const name of NAMES) {
    const path = join(dir, `${name.replace(/[^a-z]/gi, '_')}.json`);
    writeFileSync(path, poisoned(name));
    let stdout = '';
    let stderr = '';
    const code = await main(['explain', path, '--all'], {
      stdout: { write: (t: string) => void (stdout += t) },
      stderr: { write: (t: string) => void (stderr += t) },
    });
    assert.equal(code, 0, `${name}: ${stderr}`);
    assert.doesNotMatch(stdout, NATIVE, name);
    assert.ok(stdout.split('\n').length > 50, name);
  }
});
