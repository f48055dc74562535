/**
 * "What happened", in plain words, for any record: who did what to what, through which service, whether it
 * failed and why, and whose copy of the event this is. Built from the event, not from a list of cases.
 */
import { parseArn } from '../arn';
import { accountStory } from './accounts';
import { recordKeyLinks } from './keyRefs';
import { errorInfo } from './knowledge/errors';
import { serviceName } from './knowledge/serviceNames';
import { kmsAttempt, kmsHeadline, serviceOf, subjectOf, type Actor } from './kmsStory';
import { s3Link, trailLink } from './links';
import { principalLabel } from './principal';
import type { ExplainLink } from './types';
import { obj, str, type Json } from './values';

export { principalLabel } from './principal';
export { serviceName } from './knowledge/serviceNames';

export interface Story {
  text: string;
  links: ExplainLink[];
}

const MAX_MESSAGE = 300;

function actorOf(record: Json): Actor {
  const identity = obj(record.userIdentity);
  const invokedBy = str(identity?.invokedBy);
  const isService = identity?.type === 'AWSService' || (identity?.type === undefined && invokedBy !== undefined);
  const label = principalLabel(identity) ?? 'an unknown principal';
  const via = invokedBy && invokedBy !== 'AWS Internal' && !isService ? serviceName(invokedBy) : undefined;
  return { label, via, isService };
}

function quoted(text: string): string {
  return `“${text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text}”`;
}

/** A sign-in (or sign-in step) that failed without an errorCode: its outcome says so. */
function signInFailure(record: Json): boolean {
  const response = obj(record.responseElements);
  const details = obj(record.serviceEventDetails);
  const extra = obj(record.additionalEventData);
  if (response?.ConsoleLogin === 'Failure' || extra?.success === 'false') return true;
  return details !== undefined && Object.values(details).slice(0, 8).includes('Failure');
}

function roleStory(record: Json): string | undefined {
  const request = obj(record.requestParameters);
  const roleArn = str(request?.roleArn);
  const role = roleArn ? parseArn(roleArn) : undefined;
  if (!role || role.service !== 'iam') return undefined;
  const session = str(request?.roleSessionName);
  const name = role.resource.replace(/^role\//, '');
  return `assume role ${name}${role.account ? ` of account ${role.account}` : ''}${session ? ` as session ${session}` : ''}`;
}

/** What the caller did or tried to do, as a verb phrase ("assume role X", "call ListBuckets on Amazon S3"). */
function attempt(record: Json, kms: boolean): string {
  const op = str(record.eventName) ?? 'an unnamed operation';
  if (kms) return kmsAttempt(record);
  if (record.eventSource === 'signin.amazonaws.com' && op === 'ConsoleLogin') return 'sign in to the AWS Management Console';
  if (record.eventSource === 'sts.amazonaws.com' && op.startsWith('AssumeRole')) return roleStory(record) ?? `call ${op} on AWS STS`;
  return `call ${op} on ${serviceOf(record)}`;
}

function headline(record: Json, actor: Actor, kms: boolean): string[] {
  const op = str(record.eventName) ?? 'an unnamed operation';
  if (kms) return kmsHeadline(record, actor);
  const who = subjectOf(actor);
  if (record.eventType === 'AwsServiceEvent' && !str(obj(record.userIdentity)?.type))
    return [`${serviceOf(record)} recorded ${op} by itself (a service event).`];
  if (record.eventSource === 'signin.amazonaws.com' && op === 'ConsoleLogin') return [`${who} signed in to the AWS Management Console.`];
  if (record.eventSource === 'sts.amazonaws.com' && op.startsWith('AssumeRole')) {
    const role = roleStory(record);
    if (role) return [`${who} ${role.replace(/^assume/, 'assumed')}.`];
  }
  return [`${who} called ${op} on ${serviceOf(record)}.`];
}

function failure(record: Json, actor: Actor, kms: boolean): string[] {
  const code = str(record.errorCode);
  const message = str(record.errorMessage);
  const who = subjectOf(actor);
  const tried = attempt(record, kms);
  if (!code) return [`${who} tried to ${tried} and failed${message ? `: ${quoted(message)}` : ''}.`];
  const info = errorInfo(code, kms);
  if (info.kind === 'dryRun') return [`${who} made a dry run of ${tried}: ${info.why}.`];
  const outcome = info.kind === 'denied' ? 'was denied' : 'failed';
  const end = message && '.!?'.includes(message.slice(-1)) ? '' : '.';
  const answer = `${kms ? 'KMS' : serviceOf(record)} answered ${code}${message ? `: ${quoted(message)}${end}` : '.'}`;
  return [`${who} tried to ${tried} and ${outcome}: ${info.why}.`, answer, `Check ${info.check}.`];
}

function insightStory(record: Json): string | undefined {
  const details = obj(record.insightDetails);
  if (!details) return undefined;
  const state = details.state === 'End' ? 'ended' : 'started';
  const type = details.insightType === 'ApiErrorRateInsight' ? 'error rate' : 'call rate';
  const api = [str(details.eventSource), str(details.eventName)].filter(Boolean).join(' ');
  return `CloudTrail Insights: an unusual ${type} of ${api || 'an API'} ${state}; the Start and End events share a sharedEventID.`;
}

/** Plain-words account of the record; undefined when there is nothing to tell. */
export function recordStory(record: Json): Story | undefined {
  if (record.eventType === 'AwsCloudTrailInsight') {
    const text = insightStory(record);
    return text ? { text, links: [] } : undefined;
  }
  if (!str(record.eventName)) return undefined;
  const kms = record.eventSource === 'kms.amazonaws.com';
  const actor = actorOf(record);
  const failed = str(record.errorCode) !== undefined || signInFailure(record);
  const sentences = failed ? failure(record, actor, kms) : headline(record, actor, kms);
  const accounts = accountStory(record);
  if (accounts) sentences.push(accounts);
  return { text: sentences.join(' '), links: eventLinks(record) };
}

/** The story of a KMS event (kept for callers of the earlier API); undefined for other events. */
export function kmsStory(record: Json): Story | undefined {
  return record.eventSource === 'kms.amazonaws.com' ? recordStory(record) : undefined;
}

/** Links an event offers as a whole: its trail, S3 object or prefix, and KMS key(s), from the fields that hold them. */
export function eventLinks(record: Json): ExplainLink[] {
  const links: ExplainLink[] = [];
  const request = obj(record.requestParameters);
  for (const name of ['encryptionContext', 'sourceEncryptionContext', 'destinationEncryptionContext']) {
    const context = obj(request?.[name]);
    if (!context) continue;
    const trail = str(context['aws:cloudtrail:arn']);
    const s3 = str(context['aws:s3:arn']);
    const t = trail ? trailLink(trail) : undefined;
    const s = s3 ? s3Link(s3) : undefined;
    if (t) links.push(t);
    if (s) links.push(s);
  }
  links.push(...recordKeyLinks(record));
  return links;
}
