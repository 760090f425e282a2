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
  showChangesSinceApproval: { id: 'courseReview.showChangesSinceApproval', title: 'Show Changes Since Approval' },
  showReviewHistory: { id: 'courseReview.showReviewHistory', title: 'Show Review History' },
  queueGroupBy: { id: 'courseReview.queue.groupBy', title: 'Group Reviews By…' },
  queueAssignedToMe: { id: 'courseReview.queue.assignedToMe', title: 'Show Reviews Assigned to Me' },
  queueShowAll: { id: 'courseReview.queue.showAll', title: 'Show All Reviews' },
  queueRefresh: { id: 'courseReview.queue.refresh', title: 'Refresh Review Queue' },
  exportReviewReport: { id: 'courseReview.exportReviewReport', title: 'Export Review Report…' },
  queueOpen: { id: 'courseReview.queue.open', title: 'Open Lesson' },
  queueApprove: { id: 'courseReview.queue.approve', title: 'Approve…' },
  queueRequestChanges: { id: 'courseReview.queue.requestChanges', title: 'Request Changes…' },
  queueRequestReview: { id: 'courseReview.queue.requestReview', title: 'Request Review…' },
  queueWaive: { id: 'courseReview.queue.waive', title: 'Waive Review…' },
  queueCopyReminder: { id: 'courseReview.queue.copyReminder', title: 'Copy Reminder' },
  outlineRefresh: { id: 'courseReview.outline.refresh', title: 'Refresh Course Outline' },
  outlineShowModuleFindings: { id: 'courseReview.outline.showModuleFindings', title: 'Show Module Findings in Problems' },
  openHealthReport: { id: 'courseReview.openHealthReport', title: 'Open Course Health Report' },
  exportHealthReport: { id: 'courseReview.exportHealthReport', title: 'Export Course Health Report as HTML…' },
  createConfig: { id: 'courseReview.createConfig', title: 'Create Team Configuration (.coursereview.json)' },
} as const;

export const COMMAND_CATEGORY = 'Course Review';

/** The Review Queue view, and the context keys its menus and welcome content read; a test checks them against package.json. */
export const QUEUE_VIEW = {
  id: 'courseReview.queue',
  container: 'courseReview',
  icon: 'media/queue.svg',
  stateContext: 'courseReview.queue.state',
  assignedContext: 'courseReview.queue.assignedToMe',
} as const;

/** The Course Outline view, and the context key its welcome content reads; a test checks them against package.json. */
export const OUTLINE_VIEW = {
  id: 'courseReview.outline',
  name: 'Course Outline',
  stateContext: 'courseReview.outline.state',
} as const;

/** What the queue shows when it lists no review: each has its own welcome content. */
export const QUEUE_STATES = ['idle', 'indexing', 'noLessons', 'clear', 'noneAssigned', 'reviews'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];
