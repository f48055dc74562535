// Where the e2e run's Athena is (a moto server, environment.ts) and the account and region its query results are
// queued under. JSON in CLOUDTRAIL_KMS_E2E_MOTO, for the extension host and the UI tests alike. Only node: modules and
// pure code here: it loads inside the extension host.
import { queueAthenaRows, type AthenaRow } from '../moto/athenaRows';

export interface MotoFacts {
  endpoint: string;
  account: string;
  region: string;
}

export function motoFacts(): MotoFacts {
  const text = process.env.CLOUDTRAIL_KMS_E2E_MOTO;
  if (!text) throw new Error('CLOUDTRAIL_KMS_E2E_MOTO is not set: run the e2e tests with `npm run test:e2e`');
  return JSON.parse(text) as MotoFacts;
}

/** The rows the e2e run's next Athena query returns. */
export function queueAthenaAnswer(rows: AthenaRow[]): Promise<void> {
  const facts = motoFacts();
  return queueAthenaRows(facts.endpoint, facts, rows);
}
