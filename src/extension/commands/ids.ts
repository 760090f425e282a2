/** Every command the extension contributes; a test checks this table against package.json. */
export const COMMANDS = {
  lintWorkspace: { id: 'courseReview.lintWorkspace', title: 'Lint Workspace' },
  fixAll: { id: 'courseReview.fixAll', title: 'Fix All' },
  openRuleDoc: { id: 'courseReview.openRuleDoc', title: 'Open Rule Documentation…' },
} as const;

export const COMMAND_CATEGORY = 'Course Review';
