import { AwsError } from '../errors';
import type { Bucket } from './store';
import { el, S3_NS } from './xml';

/**
 * ListObjectsV2 / ListObjects (v1) over a bucket's sorted keys. With a delimiter, each CommonPrefix counts as one
 * entry toward MaxKeys, like S3. V2 continuation tokens are opaque (base64 of the last key or prefix returned).
 */
export function listObjects(bucket: Bucket, query: URLSearchParams, v2: boolean): string {
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const maxKeysText = query.get('max-keys');
  const maxKeys = maxKeysText === null ? 1000 : Number(maxKeysText);
  if (!Number.isInteger(maxKeys) || maxKeys < 0)
    throw new AwsError(400, 'InvalidArgument', 'Provided max-keys not an integer or within integer range');
  const encodingType = query.get('encoding-type') ?? undefined;
  if (encodingType !== undefined && encodingType !== 'url')
    throw new AwsError(400, 'InvalidArgument', 'Invalid Encoding Method specified in Request');
  const enc = (s: string) => (encodingType === 'url' ? encodeURIComponent(s).replace(/%2F/g, '/') : s);

  const token = query.get('continuation-token');
  const startAfter = query.get('start-after') ?? '';
  const marker = query.get('marker') ?? '';
  let resumeAfter = v2 ? startAfter : marker;
  if (v2 && token !== null) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    if (!decoded.startsWith('t:')) throw new AwsError(400, 'InvalidArgument', 'The continuation token provided is incorrect');
    resumeAfter = decoded.slice(2);
  }

  const keys = bucket.keys();
  let i = Math.max(bucket.indexAfter(prefix, true), resumeAfter ? bucket.indexAfter(resumeAfter) : 0);
  // A resume point that is a common prefix: skip every key under it.
  if (delimiter && resumeAfter.endsWith(delimiter)) {
    while (i < keys.length && keys[i].startsWith(resumeAfter)) i++;
  }
  const contents: string[] = [];
  const prefixes: string[] = [];
  let last = '';
  let truncated = false;
  let count = 0;
  while (i < keys.length && keys[i].startsWith(prefix)) {
    const key = keys[i];
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (count >= maxKeys) {
      truncated = true;
      break;
    }
    if (cut !== -1) {
      const common = key.slice(0, cut + delimiter.length);
      prefixes.push(common);
      last = common;
      count++;
      i = bucket.indexAfter(common, true);
      while (i < keys.length && keys[i].startsWith(common)) i++;
      continue;
    }
    const o = bucket.objects.get(key)!;
    contents.push(
      `<Contents>${el('Key', enc(key))}${el('LastModified', o.lastModified.toISOString())}${el('ETag', `"${o.etag}"`)}${el('Size', o.size)}${el('StorageClass', 'STANDARD')}</Contents>`,
    );
    last = key;
    count++;
    i++;
  }
  if (maxKeys === 0) truncated = i < keys.length && keys[i].startsWith(prefix);

  const common = prefixes.map((p) => `<CommonPrefixes>${el('Prefix', enc(p))}</CommonPrefixes>`).join('');
  const head = `${el('Name', bucket.name)}${el('Prefix', enc(prefix))}${delimiter ? el('Delimiter', enc(delimiter)) : ''}${el('MaxKeys', maxKeys)}${el('EncodingType', encodingType)}${el('IsTruncated', truncated)}`;
  if (v2) {
    const next = truncated ? el('NextContinuationToken', Buffer.from(`t:${last}`).toString('base64')) : '';
    return `<ListBucketResult xmlns="${S3_NS}">${head}${el('KeyCount', count)}${token !== null ? el('ContinuationToken', token) : ''}${startAfter ? el('StartAfter', enc(startAfter)) : ''}${next}${contents.join('')}${common}</ListBucketResult>`;
  }
  const next = truncated ? el('NextMarker', enc(last)) : '';
  return `<ListBucketResult xmlns="${S3_NS}">${head}${el('Marker', enc(marker))}${next}${contents.join('')}${common}</ListBucketResult>`;
}
