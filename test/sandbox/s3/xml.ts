export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(String(value))}</${name}>`;
}

export function xmlDoc(body: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

export function s3ErrorXml(code: string, message: string, requestId: string, extra = ''): Buffer {
  return xmlDoc(
    `<Error>${el('Code', code)}${el('Message', message)}${extra}${el('RequestId', requestId)}${el('HostId', 'sandbox')}</Error>`,
  );
}
