/** The CLI scaffold: help, usage errors, exit codes, and AWS clients created once per run and disposed after it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AwsClients } from '../../src/aws/clients';
import { defineCommand, noArguments, runCommand } from '../../src/cli/command';
import { UsageError } from '../../src/cli/options';
import { ExplainedError } from '../../src/core/errors';

function collector(): {
  io: { stdout: { write(t: string | Uint8Array): void }; stderr: { write(t: string): void } };
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t) => (out += typeof t === 'string' ? t : Buffer.from(t).toString()) }, stderr: { write: (t) => (err += t) } },
    out: () => out,
    err: () => err,
  };
}

test('an AWS command gets one set of clients for the run, disposed when the body ends (also when it throws)', async () => {
  const seen: AwsClients[] = [];
  const command = defineCommand({
    usage: 'Usage: cloudtrail-kms probe <word>',
    aws: true,
    options: { flags: ['fail'] },
    parse: ({ positional, flags }) => {
      if (positional.length !== 1) throw new UsageError('probe needs one word.');
      return { word: positional[0], fail: flags.has('fail') };
    },
    async run({ args, io, clients }) {
      seen.push(clients);
      clients.bucketRegions.set('bucket', Promise.resolve('us-west-2'));
      if (args.fail) throw new ExplainedError('Probe', 'It failed.', 'Because it was asked to.', 'Do not pass --fail.');
      io.stdout.write(`${args.word}\n`);
      return 0;
    },
  });
  const ok = collector();
  assert.equal(await runCommand(command, ['hello', '--region', 'us-west-2'], ok.io), 0);
  assert.equal(ok.out(), 'hello\n');
  const failing = collector();
  assert.equal(await runCommand(command, ['hello', '--fail'], failing.io), 1);
  assert.equal(failing.err(), 'It failed. Because it was asked to. Do not pass --fail.\n');
  assert.equal(seen.length, 2);
  assert.notEqual(seen[0], seen[1]);
  for (const clients of seen) assert.equal(clients.bucketRegions.size, 0, 'the clients were not disposed');
  assert.deepEqual(seen[0].settings.regions, ['us-west-2']);
});

test('--help prints the usage and the global options of AWS commands; usage errors exit 2 with the usage; the body never runs', async () => {
  let ran = 0;
  const command = defineCommand({
    usage: 'Usage: cloudtrail-kms probe',
    aws: true,
    parse: noArguments('probe'),
    run: async () => {
      ran++;
    },
  });
  const help = collector();
  assert.equal(await runCommand(command, ['--help'], help.io), 0);
  assert.match(help.out(), /^Usage: cloudtrail-kms probe\n\nGlobal options:\n {2}--profile NAME/);
  for (const args of [['extra'], ['--bogus'], ['--region', 'mars'], ['--profile']]) {
    const bad = collector();
    assert.equal(await runCommand(command, args, bad.io), 2, args.join(' '));
    assert.match(bad.err(), /\n\nUsage: cloudtrail-kms probe\n/);
  }
  assert.equal(ran, 0);
});

test('a local command takes no AWS options and gets no clients', async () => {
  const command = defineCommand({
    usage: 'Usage: cloudtrail-kms local FILE',
    aws: false,
    parse: ({ positional }) => positional[0] ?? '',
    run: async ({ args, io }) => {
      io.stdout.write(`${args}\n`);
    },
  });
  const ok = collector();
  assert.equal(await runCommand(command, ['file.json'], ok.io), 0);
  assert.equal(ok.out(), 'file.json\n');
  const bad = collector();
  assert.equal(await runCommand(command, ['file.json', '--profile', 'x'], bad.io), 2);
  assert.match(bad.err(), /Unknown option "--profile"/);
  const help = collector();
  assert.equal(await runCommand(command, ['-h'], help.io), 0);
  assert.equal(help.out(), 'Usage: cloudtrail-kms local FILE\n');
});
