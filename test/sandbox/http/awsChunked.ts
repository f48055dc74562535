/**
 * Decodes an `aws-chunked` body (`<hex-size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>\r\n\r\n`),
 * as the SDK sends for streaming PutObject (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`,
 * `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`). Chunk signatures are not checked: the seed request is.
 */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd === -1) throw new Error('aws-chunked body: missing chunk header');
    const sizeText = body.subarray(pos, lineEnd).toString('latin1').split(';')[0].trim();
    const size = parseInt(sizeText, 16);
    if (!Number.isFinite(size) || size < 0) throw new Error(`aws-chunked body: bad chunk size "${sizeText}"`);
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > body.length) throw new Error('aws-chunked body: chunk longer than the body');
    parts.push(body.subarray(pos, pos + size));
    pos += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(pos).toString('latin1').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) trailers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { data: Buffer.concat(parts), trailers };
}
