/** The worlds beside the default one: organization (default on), search, validation at scale, scale knobs; then key probes. */
import type { KmsKey } from '../kms/keys';
import { Prng } from '../prng';
import type { Bucket } from '../s3/store';
import type { SandboxState } from '../state';
import type { SeededWorld, WorldOptions } from '../types';
import { keyAccessMatrix, keyProbes, probeSpecs } from './keyAccess';
import { seedOrganization } from './organization';
import { seedScale } from './scale';
import { seedSearch } from './search';
import { seedValidation } from './validationScale';

export function seedOptionalWorlds(
  state: SandboxState,
  world: SeededWorld,
  options: WorldOptions,
  base: { rng: Prng; logBucket: Bucket; healthy: KmsKey; disabled: KmsKey },
): void {
  if (options.organization !== false) world.organization = seedOrganization(state);
  if (options.search) world.search = seedSearch(state, options.search === true ? {} : options.search, base);
  if (options.validation) world.validation = seedValidation(state, options.validation === true ? {} : options.validation);
  world.keyProbes = keyProbes(state, new Prng('cloudtrail-kms-explorer/sandbox-key-probes/v1', true), probeSpecs(state, world));
  world.keyAccess = keyAccessMatrix(state, world.keyProbes);
  if (options.filesInOneDay || options.bigLogMB) world.scale = seedScale(state, base.logBucket, base.healthy, base.rng, options);
}
