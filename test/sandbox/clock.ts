/**
 * The sandbox's notion of "now": the world's fixed instant plus the real time elapsed since start.
 * Seeded events and live events then sit on one consistent timeline, whatever the wall clock says.
 */
export class SandboxClock {
  private readonly startedAt = Date.now();

  constructor(private readonly worldNow: Date) {}

  now(): Date {
    return new Date(this.worldNow.getTime() + (Date.now() - this.startedAt));
  }
}

/** `2026-11-24T01:05:00Z` (CloudTrail record time: no milliseconds). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
