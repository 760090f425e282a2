/** Every command the extension contributes; a test checks this table against package.json. */
export const COMMANDS = {
  lintWorkspace: { id: 'courseReview.lintWorkspace', title: 'Lint Workspace' },
  openRuleDoc: { id: 'courseReview.openRuleDoc', title: 'Open Rule Documentation…' },
} as const;

export const COMMAND_CATEGORY = 'Course Review';
