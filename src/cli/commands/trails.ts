/** `trails`: every trail in the region(s), with its status and its KMS key's health. */
import { listTrails } from '../../aws/trails';
import { flagWord } from '../../core/keyHealth';
import type { TrailInfo } from '../../core/model';
import { formatTable } from '../textTable';
import { defineCommand, noArguments } from '../command';

const USAGE = `Usage: cloudtrail-kms trails [--region R ...] [--profile P] [--endpoint-url URL] [--json]

Lists the trails seen in the region(s) (shadow copies folded into the home-region trail), whether they are
logging, and each trail's KMS key with its problems (not symmetric, disabled, pending deletion, other region/account).`;

function keyCell(trail: TrailInfo): string {
  if (!trail.kmsKeyArn) return 'SSE-S3';
  return trail.key?.alias ?? trail.key?.keyId ?? trail.kmsKeyArn;
}

function humanTrails(trails: TrailInfo[]): string {
  const rows = trails.map((trail) => [
    trail.name,
    trail.homeRegion,
    `s3://${trail.bucket}/${trail.keyPrefix ? `${trail.keyPrefix}/` : ''}`,
    keyCell(trail),
    trail.key?.keyState ?? (trail.kmsKeyArn ? '?' : '-'),
    trail.status ? (trail.status.isLogging ? 'yes' : 'NO') : '?',
    [trail.isMultiRegion ? 'multi-region' : '', trail.isOrganizationTrail ? 'organization' : '', ...(trail.key?.flags ?? []).map(flagWord)]
      .filter(Boolean)
      .join(','),
  ]);
  let text = formatTable(['NAME', 'HOME', 'BUCKET', 'KEY', 'KEY-STATE', 'LOGGING', 'NOTES'], rows);
  const notes: string[] = [];
  for (const trail of trails) {
    for (const flag of trail.key?.flags ?? [])
      if (flag.severity !== 'info' || flag.code === 'otherAccount') notes.push(`${trail.name}: ${flag.message}`);
    if (trail.keyError) notes.push(`${trail.name}: key: ${trail.keyError}`);
    if (trail.statusError) notes.push(`${trail.name}: status: ${trail.statusError}`);
    if (trail.status?.latestDeliveryError) notes.push(`${trail.name}: last delivery error: ${trail.status.latestDeliveryError}`);
  }
  if (notes.length > 0) text += `\n${notes.join('\n')}\n`;
  return text;
}

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  parse: noArguments('trails'),
  async run({ io, global, clients }) {
    const trails = await listTrails(clients, undefined, {
      onRegionError: (region, error) => io.stderr.write(`warning: ${region}: ${error.message}\n`),
    });
    if (global.json) io.stdout.write(`${JSON.stringify(trails, null, 2)}\n`);
    else io.stdout.write(trails.length === 0 ? `No trails in ${(await clients.regions()).join(', ')}.\n` : humanTrails(trails));
  },
});
