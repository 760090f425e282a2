export { parseDuration } from './analysis/duration';
export { ConfigLoader, type ConfigHost } from './config/discover';
export { compileLessonGlobs, configuredPageType, isLesson } from './config/lessons';
export {
  CONFIG_FILE_NAME,
  configError,
  parseConfig,
  resolveConfig,
  type ConfigError,
  type ConfigResult,
  type ResolvedConfig,
} from './config/resolve';
export { configSchema } from './config/schema';
export { starterConfig } from './config/starter';
export type { LessonDocument } from './document/model';
export { parseLesson } from './document/parse';
export { applyEdits } from './edits';
export { lintDocument, lintText, type Finding, type LintOptions, type LintResult } from './lint';
export { LessonSession } from './session';
export { fixAll, fixSummary, nonOverlapping, type FixAllResult, type FixChange } from './fixAll';
export { RULES, RULES_BY_ID, ruleDocUrl } from './rules';
export { CATEGORIES, type Category, type Fix, type Rule, type Severity, type TextEdit } from './rules/rule';
export { disableFileComment, disableNextLineComment } from './suppressions';
export { readingGrade } from './prose/readability';
export { LineIndex, type Position } from './text/lines';
export { basename, dirname, isInside, joinPath, relativeInside, toPosix } from './text/paths';
export { BOM, withoutBom } from './text/bom';
export { addDays, addDaysWithinRange, daysBetween, isIsoDate, LAST_ISO_DATE, localIsoDate } from './review/dates';
export { dueDateProblem, exampleDue, suggestedDue } from './review/dueDate';
export { lessonFingerprint } from './review/fingerprint';
export { displayIdentity, isListed, isPerson, mayReview, otherAssignee, parseIdentity, type Identity } from './review/identity';
export { documentFingerprint, lessonReviewStates, reviewsReadable } from './review/lessonReview';
export { reviewOfText, type TextReview } from './review/textReview';
export { withoutReviewBlock } from './review/withoutReview';
export { reviewRecordLines, sameSignOff, SIGNED_STATUSES, signOffsOf, type SignOff } from './review/signOffs';
export { DEFAULT_ROLES, type Role } from './review/roles';
export { lessonFrontMatterSchema, REVIEW_STATUSES, type ReviewStatus } from './review/schema';
export { reviewStates, type RoleRecord, type RoleState, type RoleStatus } from './review/state';
export { ACTION_VERBS, type ReviewAction, type ReviewActionKind, type ReviewWriteContext } from './review/transitions';
export { writeReview, type ReviewWrite } from './review/writer';
export { headNeed, outstandingItems, readEntry, type HeadNeed, type LessonEntry, type QueueItem } from './queue/entry';
export { formatQueue, QUEUE_FORMATS, queueRecord, type QueueFormat, type QueueRecord } from './queue/format';
export { filterItems, GROUP_BYS, groupItems, type GroupBy, type QueueFilter, type QueueGroup } from './queue/group';
export { REPORT_FORMATS, reviewReport, type ReportFormat } from './queue/report';
export { compareItems, ReviewIndex } from './queue/reviewIndex';
export { configHash } from './config/hash';
export { readStoredTriggers, storedTriggersText, triggerKey } from './queue/storedTriggers';
export { sha256Hex } from './text/sha256';
export { prepareTriggerCounts, triggerCounts, triggerRules } from './queue/triggers';
export { fileWebUrl, headRef, remoteUrl } from './queue/webLink';
export { waitingOn, waitingOnText, type WaitingOn } from './queue/waitingOn';
export { LintService } from './service/lintService';
export type { CheckedFinding, Envelope, Insertion, LintReport, LintRequest, LintResponse } from './service/protocol';
export { stoppedCheckFinding, type StopReason } from './service/skipped';
export { buildCourse, Course, naturalOrder, type CourseModule, type CoursePage } from './course/course';
export { ANSWER_FILE, ANSWER_GLOBS, answersByFolder } from './course/answers';
export { classifyPage, pageTitle, type PageHints } from './course/classify';
export { PARTS, scopeOption, type Part, type Scope } from './course/expectations';
export {
  PAGE_TYPE_NOUNS,
  PAGE_TYPES,
  pageTypeOfName,
  pageTypeOfWord,
  type PageType,
  type PageTypeDecision,
  type PageTypeSource,
} from './course/pageType';
export { resolveModuleFindings, type LintedPage } from './course/resolve';
export type { PageReview, PageSummary } from './course/summary';
export {
  readToc,
  TOC_FILES,
  type CourseToc,
  type TocFormat,
  type TocModule,
  type TocPage,
  type TocProblem,
  type TocResult,
} from './course/toc';
export {
  courseHealth,
  OPEN_STATUS_LABELS,
  OPEN_STATUSES,
  type CourseHealth,
  type ModuleHealth,
  type OpenReview,
  type OpenStatus,
} from './outline/health';
export {
  cellText,
  healthMarkdown,
  healthSections,
  type Cell,
  type HealthSections,
  type LinkCell,
  type ReportTable,
} from './outline/healthTables';
export {
  buildOutline,
  OUTLINE_PARTS,
  type Coverage,
  type CourseOutline,
  type OutlineInput,
  type OutlineModule,
  type OutlinePage,
  type OutlinePart,
  type PartRollup,
  type Reading,
  type ReviewCounts,
  type SeverityCounts,
  type CategoryCounts,
} from './outline/outline';
export {
  coverageText,
  findingsText,
  formatOutline,
  hours,
  OUTLINE_FORMATS,
  PART_LABELS,
  plural,
  reviewsText,
  type OutlineFormat,
} from './outline/format';
