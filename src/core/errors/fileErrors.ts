/** Errors about the bytes of a log object: not gzip, cut short, too large, not JSON. */
import { formatBytes } from '../formatBytes';
import { ExplainedError } from './explainedError';

export function corruptGzipError(location: string, detail: string): ExplainedError {
  return new ExplainedError(
    'CorruptGzip',
    `${location} is not a readable gzip file.`,
    `Decompression failed: ${detail}. The object is damaged, or it is not a CloudTrail log.`,
    'Check the object in S3 (size, last modified); CloudTrail log files are gzip-compressed JSON.',
  );
}

export function truncatedGzipError(location: string): ExplainedError {
  return new ExplainedError(
    'TruncatedGzip',
    `${location} ends before its gzip stream is complete.`,
    'The object (or the download) is truncated: the last part of the compressed data is missing.',
    'Try again; if it happens every time, the object in S3 itself is truncated.',
  );
}

export function tooLargeError(location: string, maxBytes: number, seenBytes: number): ExplainedError {
  return new ExplainedError(
    'TooLarge',
    `${location} is larger than the limit of ${formatBytes(maxBytes)} (uncompressed).`,
    `Reading stopped after ${formatBytes(seenBytes)} so as not to exhaust memory.`,
    'Raise the size limit if you really want to open it, or download it with the aws CLI.',
  );
}

export function notJsonError(detail: string): ExplainedError {
  return new ExplainedError(
    'NotJson',
    'The document is not valid JSON.',
    detail,
    'CloudTrail log files are JSON documents of the form {"Records": [...]}; check that this is one.',
  );
}
