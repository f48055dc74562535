/**
 * The walkthrough and the workspace-trust declaration of package.json agree with the code: every step links commands
 * that exist and shows a picture that ships; the settings that choose credentials and endpoints are restricted in
 * untrusted workspaces, and the code can only ever read them from the user's settings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEnglishManifest } from './localizedManifest';

const ROOT = join(__dirname, '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; altText?: string; markdown?: string };
  completionEvents?: string[];
}
interface Manifest {
  capabilities?: {
    untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces?: boolean | { supported: boolean | 'limited'; description?: string };
  };
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs?: { id: string; title: string; description: string; steps: Step[] }[];
    configuration: { properties: Record<string, { scope?: string }> };
  };
}
const manifest = readEnglishManifest(ROOT) as Manifest;
const commands = new Set(manifest.contributes.commands.map((entry) => entry.command));
const views = Object.values(manifest.contributes.views)
  .flat()
  .map((view) => view.id);

function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([A-Za-z0-9_.-]+)(?:\?[^)]*)?\)/g)].map((match) => match[1]);
}

function knownCommand(id: string): boolean {
  // VS Code contributes `<view id>.focus` for every view.
  return commands.has(id) || views.some((view) => id === `${view}.focus`);
}

test('the walkthrough has the six steps of a first session, each with a command button and a picture that ships', () => {
  const walkthroughs = manifest.contributes.walkthroughs ?? [];
  assert.equal(walkthroughs.length, 1);
  const [walkthrough] = walkthroughs;
  assert.deepEqual(
    walkthrough.steps.map((step) => step.id),
    ['connect', 'browseTrail', 'openLog', 'hoverKmsEvent', 'findEvents', 'validateIntegrity'],
  );
  for (const step of walkthrough.steps) {
    const links = commandLinks(step.description);
    assert.ok(links.length > 0, `step ${step.id} has no command link`);
    // A link alone on its line is what the Welcome page renders as a button.
    assert.ok(
      step.description.split('\n').some((line) => /^\[[^\]]+\]\(command:[^)]+\)$/.test(line)),
      `step ${step.id}: put a command link on a line of its own (a button)`,
    );
    for (const id of links) assert.ok(knownCommand(id), `step ${step.id} links ${id}, which is not contributed`);
    for (const event of step.completionEvents ?? []) {
      const [kind, target] =
        event.split(':', 2).length === 2 ? [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)] : [event, ''];
      if (kind === 'onCommand') assert.ok(knownCommand(target), `${step.id}: ${event}`);
      else if (kind === 'onView') assert.ok(views.includes(target), `${step.id}: ${event}`);
      else assert.fail(`${step.id}: unexpected completion event ${event}`);
    }
    const image = step.media.image;
    assert.ok(image, `step ${step.id} has no image`);
    assert.match(image, /^media\/walkthrough\/[a-z0-9-]+\.png$/);
    assert.ok((step.media.altText ?? '').length > 20, `step ${step.id}: describe the picture in altText`);
    const bytes = readFileSync(join(ROOT, image));
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${image} is not a PNG`);
  }
});

test('every picture in media/walkthrough/ is shown by the walkthrough or the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const used = new Set((manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps.map((step) => step.media.image)));
  const dir = join(ROOT, 'media', 'walkthrough');
  for (const name of readdirSync(dir)) {
    const path = `media/walkthrough/${name}`;
    assert.ok(statSync(join(dir, name)).size < 400_000, `${path} is large for the package`);
    assert.ok(used.has(path) || readme.includes(`](${path})`), `${path} is shipped but shown nowhere`);
  }
  for (const match of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g))
    assert.ok(existsSync(join(ROOT, match[1])), `README shows ${match[1]}, which is missing`);
});

const CREDENTIAL_AND_ENDPOINT_SETTINGS = ['cloudtrailKms.profile', 'cloudtrailKms.regions', 'cloudtrailKms.endpointUrl'];

test('untrusted workspaces: limited, with the settings that choose credentials and endpoints restricted', () => {
  const trust = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(trust, 'package.json declares no capabilities.untrustedWorkspaces');
  assert.equal(trust.supported, 'limited');
  assert.ok((trust.description ?? '').length > 40, 'say what Restricted Mode limits');
  const restricted = trust.restrictedConfigurations ?? [];
  const settings = manifest.contributes.configuration.properties;
  for (const name of restricted) assert.ok(name in settings, `${name} is restricted but not a setting`);
  for (const name of CREDENTIAL_AND_ENDPOINT_SETTINGS) assert.ok(restricted.includes(name), `${name} is not restricted`);
  // Every setting whose name speaks of credentials or endpoints is restricted, so a new one cannot be forgotten.
  for (const name of Object.keys(settings))
    if (/profile|endpoint|credential|role|region|sandbox|url/i.test(name))
      assert.ok(restricted.includes(name), `${name} should be restricted`);
  // Application (or machine) scope: VS Code never reads these from a workspace, trusted or not.
  for (const name of restricted)
    assert.ok(['application', 'machine'].includes(settings[name].scope ?? ''), `${name} has scope ${settings[name].scope ?? 'window'}`);
  assert.equal(manifest.capabilities?.virtualWorkspaces, true);
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('settings are read in one place, with get() (never a workspace value through inspect())', () => {
  const readers = sources(join(ROOT, 'src'))
    .filter((file) => /getConfiguration\(/.test(readFileSync(file, 'utf8')))
    .map((file) => file.slice(ROOT.length + 1));
  assert.deepEqual(readers, ['src/vscode/settings.ts'], 'only src/vscode/settings.ts reads the configuration');
  const text = readFileSync(join(ROOT, 'src', 'vscode', 'settings.ts'), 'utf8');
  assert.doesNotMatch(text, /\.inspect\(|workspaceValue|workspaceFolderValue|ConfigurationTarget\.Workspace/);
});
