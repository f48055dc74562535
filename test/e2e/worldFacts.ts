// The seeded sandbox world as the extension-host tests see it (JSON in CLOUDTRAIL_KMS_E2E_WORLD, set by
// environment.ts). Only node: modules and types here: it loads inside the extension host.
import type { OrganizationWorld, SeededWorld } from '../sandbox/types';

export interface WorldFacts {
  accountId: string;
  region: string;
  days: string[];
  trails: SeededWorld['trails'];
  keys: SeededWorld['keys'];
  logKeys: SeededWorld['logKeys'];
  objects: SeededWorld['objects'];
  dataEventLogKeys: string[];
  /** The one management-trail log (home region) altered after its digest was written. */
  tamperedLogKey: string;
  auditorArn: string;
  /** The organization world: profiles `sandbox-org-admin`, `sandbox-member-auditor`, `sandbox-log-archive` (environment.ts). */
  organization?: OrganizationWorld;
}

export function world(): WorldFacts {
  const text = process.env.CLOUDTRAIL_KMS_E2E_WORLD;
  if (!text) throw new Error('CLOUDTRAIL_KMS_E2E_WORLD is not set: run the e2e tests with `npm run test:e2e`');
  return JSON.parse(text) as WorldFacts;
}

/** The newest day's log keys of the management trail in its home region. */
export function newestLogKeys(facts: WorldFacts = world()): { day: string; keys: string[] } {
  const byDay = facts.logKeys[facts.region];
  const day = [...facts.days]
    .sort()
    .reverse()
    .find((d) => (byDay[d] ?? []).length > 0);
  if (!day) throw new Error('the seeded world has no log files in its home region');
  return { day, keys: byDay[day] };
}
