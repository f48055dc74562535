/** `keys`: the KMS keys of the region(s), with alias, spec, state, rotation and flags. */
import { listKeys } from '../../aws/keys';
import { flagWord } from '../../core/keyHealth';
import type { KeyInfo } from '../../core/model';
import { formatTable } from '../textTable';
import { defineCommand, noArguments } from '../command';

const USAGE = `Usage: cloudtrail-kms keys [--region R ...] [--profile P] [--endpoint-url URL] [--json]

Lists the KMS keys in the region(s): alias, key spec, state, rotation, and what keeps a key from serving CloudTrail.`;

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  parse: noArguments('keys'),
  async run({ io, global, clients }) {
    const keys: KeyInfo[] = [];
    for (const region of await clients.regions()) keys.push(...(await listKeys(clients, region)));
    if (global.json) {
      io.stdout.write(`${JSON.stringify(keys, null, 2)}\n`);
      return;
    }
    const rows = keys.map((key) => [
      key.region,
      key.keyId,
      key.alias ?? '',
      key.keySpec ?? '?',
      key.keyState ?? '?',
      key.rotationEnabled === undefined ? '-' : key.rotationEnabled ? 'on' : 'off',
      key.flags
        .filter((flag) => flag.code !== 'rotationDisabled')
        .map(flagWord)
        .join(','),
    ]);
    io.stdout.write(
      keys.length === 0 ? 'No KMS keys.\n' : formatTable(['REGION', 'KEY-ID', 'ALIAS', 'SPEC', 'STATE', 'ROTATION', 'FLAGS'], rows),
    );
  },
});
