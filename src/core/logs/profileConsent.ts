/**
 * Whether a `cloudtrail-log:` document may be read with the profile its URI names. URIs carry the profile that read
 * them, but a URI can come from anywhere (a link, a restored tab, another extension): its profile's credentials must not
 * decrypt a log unless that profile is the current one, or the user agreed to it in this session (asked once per
 * profile) or switched to it. Memory only: a new session asks again.
 */

import { isInvisibleOrControl } from '../text';

export type ProfileDecision =
  /** The URI names no profile, or the current one: read. */
  | 'current'
  /** Another profile the user approved (or switched to) in this session: read. */
  | 'approved'
  /** Another profile the user declined in this session: refuse without asking again. */
  | 'declined'
  /** Another profile not asked about yet: ask first. */
  | 'ask'
  /** Not a profile name (control characters, bidi marks, too long): refuse. */
  | 'invalid';

/** Longest profile name accepted from a URI (AWS profile names are short). */
export const MAX_PROFILE_NAME = 128;
/** Declined profiles remembered (URIs can name any number; the oldest is forgotten and asked about again). */
const MAX_DECLINED = 256;

/** A profile name shown in a dialog as it is: printable, one line, no reordering marks. */
export function isPlausibleProfileName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_PROFILE_NAME) return false;
  for (let at = 0; at < name.length; at++) {
    const code = name.charCodeAt(at);
    if (isInvisibleOrControl(code) || (code >= 0xd800 && code <= 0xdfff)) return false;
  }
  return true;
}

export class ProfileConsents {
  private readonly approved = new Set<string>();
  private readonly declined = new Set<string>();

  /**
   * `named`: the URI's profile; `current`: the profile the settings name, else AWS_PROFILE (undefined: the default
   * credential chain, so any named profile is another one).
   */
  decide(named: string | undefined, current: string | undefined): ProfileDecision {
    const wanted = named?.trim() || undefined;
    if (wanted === undefined || wanted === current?.trim()) return 'current';
    if (!isPlausibleProfileName(wanted)) return 'invalid';
    if (this.approved.has(wanted)) return 'approved';
    if (this.declined.has(wanted)) return 'declined';
    return 'ask';
  }

  /** The user agreed to `profile` (or switched to it): its documents are read from now on. */
  approve(profile: string | undefined): void {
    const name = profile?.trim();
    if (!name || !isPlausibleProfileName(name)) return;
    this.declined.delete(name);
    this.approved.add(name);
  }

  /** The user said no (or closed the question): not asked again in this session. */
  decline(profile: string): void {
    const name = profile.trim();
    if (!name || this.approved.has(name)) return;
    this.declined.delete(name);
    this.declined.add(name);
    if (this.declined.size > MAX_DECLINED) this.declined.delete(this.declined.values().next().value as string);
  }
}
