import * as vscode from 'vscode';
import { AwsClients } from '../aws/clients';
import { LruMap } from '../core/lruMap';
import { userAgent } from '../core/version';
import { affectsConnection, readSettings, type Settings } from './settings';
import { log } from './log';

const USER_AGENT = userAgent('vscode');
const OTHER_PROFILES = 4;

/**
 * The AWS connection of the editor: clients for the chosen profile, regions and endpoint, rebuilt when any of
 * them changes. Nothing here calls AWS by itself; clients are made on first use.
 */
export class AwsSession implements vscode.Disposable {
  private current: AwsClients | undefined;
  /**
   * Clients for documents opened under another profile than the current one (URIs carry their profile): the few most
   * recently used, older ones disposed (a link can name any profile).
   */
  private readonly others = new LruMap<string, AwsClients>(OTHER_PROFILES, (_profile, clients) => clients.dispose());
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the profile, regions or endpoint changed: caches must go, views must reload. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsConnection(event)) return;
      this.reset();
      log().info('[session] profile, regions or endpoint changed; reloading');
      this.changed.fire();
    });
  }

  settings(): Settings {
    return readSettings();
  }

  /** Clients for the settings' profile, or for `profile` when a document names another one. */
  clients(profile?: string): AwsClients {
    const settings = readSettings();
    const wanted = profile?.trim() || undefined;
    if (wanted && wanted !== settings.profile) {
      let other = this.others.get(wanted);
      if (!other) {
        other = new AwsClients(
          { profile: wanted, regions: settings.regions, endpointUrl: settings.endpointUrl, timeouts: settings.timeouts },
          { userAgentSuffix: USER_AGENT },
        );
        this.others.set(wanted, other);
      }
      return other;
    }
    this.current ??= new AwsClients(
      { profile: settings.profile, regions: settings.regions, endpointUrl: settings.endpointUrl, timeouts: settings.timeouts },
      { userAgentSuffix: USER_AGENT },
    );
    return this.current;
  }

  /** The profile the current clients use by name: the setting, else AWS_PROFILE; undefined for the default chain. */
  currentProfile(): string | undefined {
    return readSettings().profile ?? (process.env.AWS_PROFILE?.trim() || undefined);
  }

  /** The profile name shown to the user (the setting, else AWS_PROFILE, else default). */
  profileLabel(): string {
    return readSettings().profile ?? (process.env.AWS_PROFILE || 'default');
  }

  private reset(): void {
    this.current?.dispose();
    this.current = undefined;
    for (const clients of this.others.values()) clients.dispose();
    this.others.clear();
  }

  dispose(): void {
    this.reset();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerSession(context: vscode.ExtensionContext): AwsSession {
  const session = new AwsSession();
  context.subscriptions.push(session);
  return session;
}
