/** `cat`: decrypt (S3 asks KMS), gunzip and pretty-print one log object to stdout. Nothing is written to disk. */
import { DEFAULT_MAX_LOG_BYTES, fetchLog } from '../../aws/fetchLog';
import { parseS3Location } from '../../core/arn';
import { ExplainedError } from '../../core/errors';
import { defineCommand } from '../command';
import { megabytesOption, UsageError } from '../options';

const USAGE = `Usage: cloudtrail-kms cat <s3://bucket/key | arn:aws:s3:::bucket/key> [--max-mb N] [--raw] [--trail TRAIL-ARN]

Fetches the object (S3 decrypts SSE-KMS with the caller's kms:Decrypt), gunzips it when it is gzip, and prints
the JSON with 2-space indentation (--raw: as stored). --max-mb limits the uncompressed size (default ${DEFAULT_MAX_LOG_BYTES / 1024 / 1024}).
--trail names the trail that wrote it, so a KMS denial can name the exact encryption context.`;

export const command = defineCommand({
  usage: USAGE,
  aws: true,
  options: { values: ['max-mb', 'trail'], flags: ['raw'] },
  parse({ positional, values, flags, global }) {
    if (positional.length !== 1) throw new UsageError('cat needs exactly one object: s3://bucket/key or arn:aws:s3:::bucket/key.');
    const location = parseS3Location(positional[0]);
    if (!location || !location.key || location.key.endsWith('/')) {
      throw new UsageError(`"${positional[0]}" is not an S3 object location (s3://bucket/key or arn:aws:s3:::bucket/key).`);
    }
    const maxBytes = megabytesOption(values['max-mb'], DEFAULT_MAX_LOG_BYTES);
    const region = global.regions.length === 1 && global.regions[0] !== 'all' ? global.regions[0] : undefined;
    return { where: { bucket: location.bucket, key: location.key, region }, maxBytes, trailArn: values.trail, raw: flags.has('raw') };
  },
  async run({ args, io, clients }) {
    const fetched = await fetchLog(clients, args.where, {
      maxBytes: args.maxBytes,
      prettyPrint: !args.raw, // indented while it arrives
      ...(args.trailArn ? { trailArn: args.trailArn } : {}),
    });
    const pretty = fetched.pretty;
    if (pretty && 'error' in pretty) {
      const { code, what, why } = pretty.error;
      throw new ExplainedError(
        code,
        what,
        why,
        `Print it as stored, without indentation: cloudtrail-kms cat --raw s3://${args.where.bucket}/${args.where.key}`,
      );
    }
    const bytes = pretty ? pretty.bytes : fetched.bytes;
    // Bytes straight to stdout: a 50 MB log is never held as a string. process.stdout and the tests' collectors
    // (string +=, which decodes UTF-8) both take a Uint8Array (see CliIo in ../io.ts).
    io.stdout.write(bytes);
    if (bytes.length === 0 || bytes[bytes.length - 1] !== 10) io.stdout.write('\n');
  },
});
