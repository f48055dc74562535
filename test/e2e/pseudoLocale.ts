// A VS Code in the pseudo language `qps-ploc`, to prove that the extension's words go through its l10n bundles
// (issue 18): VS Code reads `package.nls.<language>.json` for the manifest and `l10n/bundle.l10n.<language>.json` for
// vscode.l10n.t, where <language> is the workbench's display language. The display language is `--locale`, and
// VS Code only takes a locale other than English from an installed language pack (the server's
// `<user-data>/languagepacks.json`, which it writes when a language pack extension is installed). So:
//   - a copy of the built extension with pseudo-localized bundles made by @vscode/l10n-dev (the repository stays as it is);
//   - a language pack for qps-ploc with no translations of VS Code's own words (they stay English, so the tests can
//     still drive the workbench by its English labels), declared in languagepacks.json as the install would.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';

export const PSEUDO_LOCALE = 'qps-ploc';

export interface PseudoLocaleSetup {
  /** The extension copy to load as the development extension. */
  extensionPath: string;
  /** Contents of the server's languagepacks.json. */
  languagePacks: Record<string, unknown>;
  /** The pseudo-localized text of an English manifest string (package.nls.json value) or l10n.t message. */
  pseudo(english: string): string;
}

/** The files of the extension that VS Code reads at run time (what the .vsix ships). */
const RUNTIME_FILES = ['package.json', 'package.nls.json', 'dist', 'l10n', 'media', 'syntaxes'];

export function preparePseudoLocale(repo: string, scratch: string): PseudoLocaleSetup {
  const extensionPath = join(scratch, 'extension');
  for (const name of RUNTIME_FILES) {
    if (!existsSync(join(repo, name))) throw new Error(`${name} is missing: run npm run build first`);
    cpSync(join(repo, name), join(extensionPath, name), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(repo, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const bundle = JSON.parse(readFileSync(join(repo, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const pseudoManifest = getL10nPseudoLocalized(manifest) as Record<string, string>;
  const pseudoBundle = getL10nPseudoLocalized(bundle) as Record<string, string>;
  writeFileSync(join(extensionPath, `package.nls.${PSEUDO_LOCALE}.json`), JSON.stringify(pseudoManifest, null, 2));
  writeFileSync(join(extensionPath, 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`), JSON.stringify(pseudoBundle, null, 2));

  const pack = join(scratch, 'language-pack');
  mkdirSync(join(pack, 'translations'), { recursive: true });
  const core = join(pack, 'translations', 'main.i18n.json');
  writeFileSync(core, JSON.stringify({ contents: {} }));
  const languagePacks = {
    [PSEUDO_LOCALE]: {
      hash: 'cloudtrail-kms-e2e-pseudo',
      extensions: [{ extensionIdentifier: { id: 'cloudtrail-kms-e2e.pseudo-language-pack' }, version: '0.0.0' }],
      translations: { vscode: core },
      label: 'Pseudo Language',
    },
  };
  const byEnglish = new Map<string, string>();
  for (const [key, english] of Object.entries(manifest)) byEnglish.set(english, pseudoManifest[key]);
  for (const [key, english] of Object.entries(bundle)) byEnglish.set(english, pseudoBundle[key]);
  return {
    extensionPath,
    languagePacks,
    pseudo(english: string): string {
      const text = byEnglish.get(english);
      if (text === undefined) throw new Error(`not in package.nls.json or the l10n bundle: ${english}`);
      return text;
    },
  };
}
