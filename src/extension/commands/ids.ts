/** Every command the extension contributes; a test checks this table against package.json. */
export const COMMANDS = {
  lintWorkspace: { id: 'courseReview.lintWorkspace', title: 'Lint Workspace' },
  fixAll: { id: 'courseReview.fixAll', title: 'Fix All' },
  openRuleDoc: { id: 'courseReview.openRuleDoc', title: 'Open Rule Documentation…' },
  approve: { id: 'courseReview.approve', title: 'Approve…' },
  requestChanges: { id: 'courseReview.requestChanges', title: 'Request Changes…' },
  requestReview: { id: 'courseReview.requestReview', title: 'Request Review…' },
  waive: { id: 'courseReview.waive', title: 'Waive Review…' },
  withdraw: { id: 'courseReview.withdraw', title: 'Withdraw Sign-off…' },
  reviewActions: { id: 'courseReview.reviewActions', title: 'Review Actions…' },
} as const;

export const COMMAND_CATEGORY = 'Course Review';
