/**
 * Command ids, in one place because hovers, links, tree items and package.json must agree (test/unit/manifest.test.ts
 * checks package.json against these lists; the e2e activation test checks that each one is registered).
 */
export const Commands = {
  refresh: 'cloudtrailKms.refresh',
  openLogFile: 'cloudtrailKms.openLogFile',
  openS3Location: 'cloudtrailKms.openS3Location',
  selectProfile: 'cloudtrailKms.selectProfile',
  selectRegions: 'cloudtrailKms.selectRegions',
  copyArn: 'cloudtrailKms.copyArn',
  copyS3Uri: 'cloudtrailKms.copyS3Uri',
  openInConsole: 'cloudtrailKms.openInConsole',
  openTreeItem: 'cloudtrailKms.openTreeItem',
  showSandboxHelp: 'cloudtrailKms.showSandboxHelp',
  validateLogs: 'cloudtrailKms.validateLogs',
  checkKeyPolicy: 'cloudtrailKms.checkKeyPolicy',
  showKeyActivity: 'cloudtrailKms.showKeyActivity',
  addLogLocation: 'cloudtrailKms.addLogLocation',
  removeLogLocation: 'cloudtrailKms.removeLogLocation',
  // The Results view (src/vscode/results/).
  saveResults: 'cloudtrailKms.saveResults',
  openResultsDocument: 'cloudtrailKms.openResultsDocument',
  clearResults: 'cloudtrailKms.clearResults',
  stopResults: 'cloudtrailKms.stopResults',
  removeResults: 'cloudtrailKms.removeResults',
  openResult: 'cloudtrailKms.openResult',
  loadMoreResults: 'cloudtrailKms.loadMoreResults',
  copyAthenaDdl: 'cloudtrailKms.copyAthenaDdl',
  findEventsWithAthena: 'cloudtrailKms.findEventsWithAthena',
  findEvents: 'cloudtrailKms.findEvents',
  // In the palette only while a results document is active; also its editor title and CodeLenses.
  cancelSearch: 'cloudtrailKms.cancelSearch',
  rerunSearch: 'cloudtrailKms.rerunSearch',
  editSearch: 'cloudtrailKms.editSearch',
  saveSearchResults: 'cloudtrailKms.saveSearchResults',
  // Internal: used by tree items, hover links and document links; hidden from the palette.
  loadMore: 'cloudtrailKms.loadMore',
  retry: 'cloudtrailKms.retry',
  openLog: 'cloudtrailKms.openLog',
  revealTrail: 'cloudtrailKms.revealTrail',
  revealKey: 'cloudtrailKms.revealKey',
  revealS3Prefix: 'cloudtrailKms.revealS3Prefix',
  revealS3Object: 'cloudtrailKms.revealS3Object',
  openTarget: 'cloudtrailKms.openTarget',
  cancelLoading: 'cloudtrailKms.cancelLoading',
  showTreeErrorDetails: 'cloudtrailKms.showTreeErrorDetails',
  findEventsFromLink: 'cloudtrailKms.findEventsFromLink',
  openLogAtRecord: 'cloudtrailKms.openLogAtRecord',
  showSearchDetails: 'cloudtrailKms.showSearchDetails',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Commands package.json hides from the palette (`"when": "false"`): they need an argument from a tree item or link. */
export const HIDDEN_FROM_PALETTE: readonly CommandId[] = [
  Commands.showKeyActivity,
  Commands.openTreeItem,
  Commands.copyS3Uri,
  Commands.loadMore,
  Commands.retry,
  Commands.openLog,
  Commands.revealTrail,
  Commands.revealKey,
  Commands.revealS3Prefix,
  Commands.revealS3Object,
  Commands.openTarget,
  Commands.cancelLoading,
  Commands.stopResults,
  Commands.removeResults,
  Commands.openResult,
  Commands.loadMoreResults,
  Commands.showTreeErrorDetails,
  Commands.findEventsFromLink,
  Commands.openLogAtRecord,
  Commands.showSearchDetails,
];

/** The only commands a hover may run (`isTrusted.enabledCommands`). */
export const HOVER_COMMANDS: string[] = [
  Commands.openLog,
  Commands.revealTrail,
  Commands.revealKey,
  Commands.revealS3Prefix,
  Commands.findEventsFromLink,
];
