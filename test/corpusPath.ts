/** Where the read-only corpus of real CloudTrail events is: `shared/corpus` beside the repository (as CI lays it out). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from `out/test/` where the compiled tests run. */
const REPO = join(__dirname, '..', '..');

function findCorpus(): string {
  if (process.env.CLOUDTRAIL_CORPUS) return process.env.CLOUDTRAIL_CORPUS;
  for (const candidate of [join(REPO, '..', 'shared', 'corpus'), '/work/shared/corpus']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `The CloudTrail corpus was not found beside the repository (${join(REPO, '..', 'shared', 'corpus')}); set CLOUDTRAIL_CORPUS to its folder.`,
  );
}

export const CORPUS = findCorpus();
