import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandUri, escapeMarkdown, inlineCode, markdownLink } from '../../src/core/markdownEscape';

/** Removes the escapes the way a CommonMark renderer does, to show nothing was lost. */
function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])|&#36;/g, (_match, c: string | undefined) => c ?? '$');
}

test('escaped text shows the same characters', () => {
  const samples = [
    'aws-cli/2.13.5 Python/3.11 exe/x86_64',
    'a*b_c`d',
    'arn:aws:kms:us-west-2:111122223333:key/1',
    'ünïcödé',
    '$(verified) &#36; $',
  ];
  for (const sample of samples) assert.equal(unescape(escapeMarkdown(sample)), sample);
});

test('a Markdown link, a command: URI and HTML cannot form', () => {
  const hostile = '[click me](command:workbench.action.terminal.new?%5B%5D) <img src=x onerror=alert(1)> ![i](http://x/y.png)';
  const escaped = escapeMarkdown(hostile);
  assert.ok(!/[^\\]\[/.test(escaped), 'every [ is escaped');
  assert.ok(!/[^\\]\(/.test(escaped), 'every ( is escaped');
  assert.ok(!/[^\\]</.test(escaped), 'every < is escaped');
  assert.ok(!escaped.includes('command:'), 'command: is broken up');
  assert.ok(escaped.includes('command\\:'));
});

test('autolinks are broken up', () => {
  assert.equal(escapeMarkdown('https://evil.example/x'), 'https\\:\\/\\/evil\\.example\\/x');
  assert.equal(escapeMarkdown('www.evil.example'), 'www\\.evil\\.example');
  assert.equal(escapeMarkdown('a@b.example'), 'a\\@b\\.example');
});

test('line breaks cannot start headings, lists or fences', () => {
  const escaped = escapeMarkdown('ok\n# heading\r\n- item\n```\ncode');
  assert.ok(!escaped.includes('\n') && !escaped.includes('\r'));
  assert.ok(escaped.includes('\\#'));
});

test('control and bidi characters are removed', () => {
  assert.equal(escapeMarkdown('a\u0000b\u202Ec\u200Bd'), 'abcd');
});

test('inline code uses a fence longer than any backtick run', () => {
  assert.equal(inlineCode('abc'), '`abc`');
  assert.equal(inlineCode('a`b'), '``a`b``');
  assert.equal(inlineCode('`x`'), '`` `x` ``');
  assert.equal(inlineCode('a\nb'), '`a b`');
});

test('command URIs carry JSON arguments and refuse odd ids', () => {
  const uri = commandUri('cloudtrailKms.revealTrail', [{ arn: 'arn:aws:cloudtrail:us-west-2:111122223333:trail/t' }]);
  assert.ok(uri.startsWith('command:cloudtrailKms.revealTrail?'));
  assert.deepEqual(JSON.parse(decodeURIComponent(uri.split('?')[1])), [{ arn: 'arn:aws:cloudtrail:us-west-2:111122223333:trail/t' }]);
  assert.ok(!/[()\s]/.test(uri));
  assert.throws(() => commandUri('x)(evil', []), /Not a command id/);
});

test('markdownLink escapes its text', () => {
  assert.equal(markdownLink('[x](command:y)', 'command:ours'), '[\\[x\\]\\(command\\:y\\)](command:ours)');
});

test('markdownLink titles keep no characters that could end the link', () => {
  assert.equal(
    markdownLink('a', 'command:ours', 'arn:aws:s3:::b/[y](command:evil).json'),
    '[a](command:ours "arn:aws:s3:::b/ycommand:evil.json")',
  );
});

test('$(icon) in a value cannot become a theme icon: $ is a character reference, never a bare $ before (', () => {
  const escaped = escapeMarkdown('alice $(verified) $(pass-filled~spin) \\$(x)');
  assert.ok(!escaped.includes('$'), escaped);
  assert.ok(escaped.includes('&#36;\\(verified\\)'), escaped);
  // A value that spells the reference itself stays text: its & is escaped.
  assert.equal(escapeMarkdown('&#36;'), '\\&\\#36\\;');
});

test('inline code falls back to escaped text for a value holding $ (a code span cannot neutralise $(icon))', () => {
  assert.equal(
    inlineCode('arn:aws:kms:us-east-1:111122223333:key/$(verified)'),
    escapeMarkdown('arn:aws:kms:us-east-1:111122223333:key/$(verified)'),
  );
  assert.ok(!inlineCode('$(x)').includes('$'));
});

test('markdownLink: ( ) and spaces in the target are percent-encoded, so a ) in an argument cannot end the link early', () => {
  const link = markdownLink('open', commandUri('ours.cmd', [{ key: 'a) b(c' }]));
  const target = link.slice(link.indexOf('](') + 2, -1);
  assert.ok(!/[()\s]/.test(target), target);
  assert.deepEqual(JSON.parse(decodeURIComponent(target.slice(target.indexOf('?') + 1))), [{ key: 'a) b(c' }]);
});
