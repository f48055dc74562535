// The workspace settings of the Restricted Mode UI tests (run.ts writes them, the tests check they are ignored).

/** Hostile workspace values of the settings that choose credentials and endpoints: in Restricted Mode (and anywhere,
 * as they are application settings) they must not be used. The endpoint is a closed loopback port. */
export const HOSTILE_WORKSPACE_SETTINGS = {
  'cloudtrailKms.endpointUrl': 'http://127.0.0.1:9/attacker',
  'cloudtrailKms.profile': 'attacker',
  'cloudtrailKms.regions': ['ap-southeast-7'],
};
