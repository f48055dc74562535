import * as vscode from 'vscode';
import { logDisplayName, type LogLocation } from '../../core/logs/logUri';
import { ProfileConsents } from '../../core/logs/profileConsent';
import { capText, showInvisibles } from '../../core/text';
import { errorText } from '../errorText';
import { log } from '../log';

/**
 * Asks before a `cloudtrail-log:` document is read with a profile other than the current one (its URI names it: a
 * link, a restored tab). Once per profile per session, in a modal; several documents of one profile waiting at the
 * same time share one question. A switch to a profile approves it. Answers are kept in memory only.
 */
export class OtherProfileConsent {
  private readonly consents = new ProfileConsents();
  private readonly asking = new Map<string, Promise<Answer>>();

  /** The current profile (settings, else AWS_PROFILE) is approved: called on start and after every switch. */
  approve(profile: string | undefined): void {
    this.consents.approve(profile);
  }

  /** Resolves when `location` may be read with its profile; throws an explained NoPermissions error otherwise. */
  async check(location: LogLocation, current: string | undefined): Promise<void> {
    const decision = this.consents.decide(location.profile, current);
    if (decision === 'current' || decision === 'approved') return;
    const profile = (location.profile ?? '').trim();
    if (decision === 'invalid') throw refusal(vscode.l10n.t('This document names an AWS profile that is not a valid profile name.'));
    let answer: Answer = 'declined';
    if (decision === 'ask') {
      let question = this.asking.get(profile);
      if (!question) {
        question = this.ask(location, profile, current).finally(() => this.asking.delete(profile));
        this.asking.set(profile, question);
      }
      answer = await question;
      if (answer === 'approved') return;
    }
    const why =
      answer === 'unanswered'
        ? vscode.l10n.t(
            'Not decrypted: this document names the AWS profile "{0}", not your current profile, and the editor could not ask whether to use it.',
            profile,
          )
        : vscode.l10n.t(
            'Not decrypted: this document names the AWS profile "{0}", not your current profile, and its use was declined.',
            profile,
          );
    throw refusal(
      `${why} ${vscode.l10n.t('To read it as "{0}", switch with CloudTrail: Select Profile…; to read it as your current profile, open the log again from the Trails view.', profile)}`,
    );
  }

  private async ask(location: LogLocation, profile: string, current: string | undefined): Promise<Answer> {
    const decrypt = vscode.l10n.t('Decrypt with "{0}"', profile);
    const object = capText(`s3://${location.bucket}/${location.key}`, 300);
    let picked: string | undefined;
    try {
      picked = await vscode.window.showWarningMessage(
        vscode.l10n.t('Decrypt {0} with the AWS profile "{1}"?', showInvisibles(capText(logDisplayName(location), 120)), profile),
        {
          modal: true,
          detail: vscode.l10n.t(
            'This document names the profile "{0}", not your current profile "{1}". The credentials of "{0}" would decrypt {2}. Agree only if you opened this link or tab yourself and meant that profile; you are asked once per profile in this session.',
            profile,
            current ?? vscode.l10n.t('default credential chain'),
            showInvisibles(object),
          ),
        },
        decrypt,
      );
    } catch (error) {
      // No dialog can be shown (VS Code refuses them while extension tests run): nobody agreed, so nothing is read.
      // Not remembered: the next read asks again.
      log().warn(`[s3] could not ask about the profile ${JSON.stringify(profile)}: ${errorText(error)}`);
      return 'unanswered';
    }
    if (picked === decrypt) {
      this.consents.approve(profile);
      log().info(`[s3] the user agreed to read documents with the profile ${JSON.stringify(profile)} in this session`);
      return 'approved';
    }
    this.consents.decline(profile);
    log().info(`[s3] the user declined reading a document with the profile ${JSON.stringify(profile)}`);
    return 'declined';
  }
}

type Answer = 'approved' | 'declined' | 'unanswered';

function refusal(message: string): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(message);
}
