/**
 * The headline of a KMS event in plain words: who asked, which operation, for what (read from the encryption
 * context), through which service — and for a failed call, what was tried.
 */
import { KMS_OPERATIONS } from './knowledge/kmsOperations';
import { serviceName } from './knowledge/serviceNames';
import { own } from './knowledge/types';
import { sentenceStart } from './principal';
import { describeContext } from './subject';
import { obj, str, type Json } from './values';

export interface Actor {
  /** Who made the request ("role Admin (session alice)"). */
  label: string;
  /** The service that made it on their behalf, when not the actor itself. */
  via?: string;
  /** The actor is a service account (AWSService, or no type with invokedBy). */
  isService: boolean;
}

/** "DynamoDB, on behalf of role Admin," or "Role Admin": the subject of the headline sentence. */
export function subjectOf(actor: Actor): string {
  return actor.via ? `${actor.via}, on behalf of ${actor.label},` : sentenceStart(actor.label);
}

function keyOf(record: Json): string | undefined {
  const first = Array.isArray(record.resources) ? obj(record.resources[0]) : undefined;
  return str(first?.ARN) ?? str(obj(record.requestParameters)?.keyId);
}

/** What the caller tried to do, for a failed KMS call: "decrypt the data key of secret x". */
export function kmsAttempt(record: Json): string {
  const op = str(record.eventName) ?? 'call KMS';
  const info = own(KMS_OPERATIONS, op);
  const request = obj(record.requestParameters);
  const subject = describeContext(obj(request?.encryptionContext) ?? obj(request?.sourceEncryptionContext));
  const verb = info?.verb ?? `call ${op}`;
  if (!subject) return verb;
  if (subject.pairsOnly) return op === 'Decrypt' ? `decrypt data bound to ${subject.text}` : `${verb} bound to ${subject.text}`;
  if (op === 'Decrypt') return `decrypt the data key of ${subject.text}`;
  return `${verb} for ${subject.text}`;
}

/** The success headline of a KMS event. */
export function kmsHeadline(record: Json, actor: Actor): string[] {
  const op = str(record.eventName) ?? '';
  const request = obj(record.requestParameters);
  const context = obj(request?.encryptionContext) ?? obj(request?.sourceEncryptionContext);
  const subject = describeContext(context);
  const invokedBy = str(obj(record.userIdentity)?.invokedBy);
  const isDataKey = op.startsWith('GenerateDataKey');
  const fromCloudTrail = context !== undefined && typeof context['aws:cloudtrail:arn'] === 'string';
  const key = keyOf(record);
  const who = subjectOf(actor);
  const out: string[] = [];
  if (isDataKey && subject?.trailSetup) {
    const { trail, folder } = subject.trailSetup;
    out.push(
      `CloudTrail checked that it may use this key when trail ${trail} was configured: it asked KMS for a data key bound to the trail and to its log folder ${folder} (${actor.label}${invokedBy ? `, invokedBy ${invokedBy}` : ''}). No log file is encrypted by this call; the data key is discarded.`,
    );
  } else if (isDataKey && subject?.logFile && fromCloudTrail) {
    out.push(`CloudTrail (${invokedBy ? `invokedBy ${invokedBy}` : actor.label}) asked KMS for a data key to encrypt ${subject.text}.`);
    out.push(
      `S3 stores the encrypted data key with the file (${subject.where}) and asks KMS to decrypt it whenever someone reads the file.`,
    );
  } else if (op === 'Decrypt' && subject?.logFile) {
    const via =
      invokedBy && !actor.isService ? ` (S3 asked KMS on their behalf; invokedBy ${invokedBy})` : ' (S3 asked KMS on their behalf)';
    out.push(
      `${sentenceStart(actor.label)} decrypted ${subject.text}${via}: reading ${subject.where ?? 'the file'} made S3 ask KMS to decrypt the file's data key.`,
    );
  } else if (isDataKey) {
    const noun = op.startsWith('GenerateDataKeyPair') ? 'a data key pair' : 'a data key';
    const purpose = subject ? (subject.pairsOnly ? ` bound to ${subject.text}` : ` to encrypt ${subject.text}`) : '';
    out.push(`${who} asked KMS for ${noun}${purpose}.`);
  } else if (op === 'Decrypt') {
    const what = !subject ? 'ciphertext' : subject.pairsOnly ? `data bound to ${subject.text}` : `the data key of ${subject.text}`;
    out.push(`${who} decrypted ${what}.`);
  } else if (op === 'Encrypt') {
    const what = !subject ? '' : subject.pairsOnly ? ` bound to ${subject.text}` : ` for ${subject.text}`;
    out.push(`${who} encrypted data${what} directly under the KMS key.`);
  } else if (op === 'ReEncrypt') {
    const destination = str(request?.destinationKeyId);
    const what = !subject ? 'ciphertext' : subject.pairsOnly ? `data bound to ${subject.text}` : subject.text;
    out.push(`${who} re-encrypted ${what}${destination ? ` under key ${destination}` : ''} without seeing the plaintext.`);
  } else {
    const info = own(KMS_OPERATIONS, op);
    out.push(`${who} called ${op}${key ? ` on ${key}` : ''}.${info ? ` ${op} ${info.does}.` : ''}`);
  }
  if (key && (isDataKey || ['Decrypt', 'Encrypt', 'ReEncrypt'].includes(op))) out.push(`Key: ${key}.`);
  const recipient = str(obj(obj(record.additionalEventData)?.recipient)?.attestationDocumentModuleId);
  if (recipient) out.push(`KMS encrypted the result for the attested recipient ${recipient} only (Nitro Enclave or NitroTPM).`);
  return out;
}

export function serviceOf(record: Json): string {
  const source = str(record.eventSource);
  return source ? serviceName(source) : 'the service';
}
