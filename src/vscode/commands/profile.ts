import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ALL_REGIONS } from '../../aws/clients';
import { parseAwsProfiles, type ProfileEntry } from '../../core/awsConfig/awsProfiles';
import { Commands } from './commandIds';
import { registerCommand } from './command';
import { readSettings, updateSetting } from '../settings';

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** Profiles from the shared files the AWS CLI reads (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured). */
export async function availableProfiles(): Promise<ProfileEntry[]> {
  const config = process.env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
  const credentials = process.env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials');
  return parseAwsProfiles(await readOrEmpty(config), await readOrEmpty(credentials));
}

async function selectProfile(): Promise<string | undefined> {
  const current = readSettings().profile;
  const profiles = await availableProfiles();
  const chain = {
    label: `$(key) ${vscode.l10n.t('Default credential chain')}`,
    description: current ? '' : vscode.l10n.t('current'),
    detail: vscode.l10n.t('AWS_PROFILE, environment keys, SSO cache, instance or container role'),
    profile: '',
  };
  const items = [
    chain,
    ...profiles.map((p) => ({
      label: p.name,
      description: [p.name === current ? vscode.l10n.t('current') : undefined, p.region, p.kind].filter(Boolean).join(' · '),
      detail: vscode.l10n.t('from {0}', p.sources.join(' · ')),
      profile: p.name,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select AWS Profile'),
    placeHolder: profiles.length
      ? vscode.l10n.t('Which AWS profile should the CloudTrail view use?')
      : vscode.l10n.t('No profiles in ~/.aws/config or ~/.aws/credentials; the default chain is used'),
  });
  if (!picked) return undefined;
  await updateSetting('profile', picked.profile);
  return picked.profile;
}

async function selectRegions(): Promise<string[] | undefined> {
  const current = new Set(readSettings().regions);
  const items = ALL_REGIONS.map((region) => ({ label: region, picked: current.has(region) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select Regions'),
    canPickMany: true,
    placeHolder: vscode.l10n.t("Regions to look for trails in (none: the profile's region)"),
  });
  if (!picked) return undefined;
  const regions = picked.map((p) => p.label);
  await updateSetting('regions', regions);
  return regions;
}

export function registerProfileCommands(context: vscode.ExtensionContext): void {
  const spec = { area: 'session', failure: vscode.l10n.t('Could not change the AWS connection'), failed: () => undefined };
  registerCommand(context, Commands.selectProfile, spec, selectProfile);
  registerCommand(context, Commands.selectRegions, spec, selectRegions);
}
