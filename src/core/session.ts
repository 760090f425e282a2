import type { ResolvedConfig } from './config/resolve';
import type { LessonDocument } from './document/model';
import { parseLesson } from './document/parse';
import { summarizePage } from './course/pageSummary';
import { dialectOf, lintDocument, type LintOptions, type LintResult } from './lint';

/**
 * One open lesson, linted version after version: each version is parsed incrementally from the
 * last one, so a keystroke re-parses the blocks around it rather than the whole lesson.
 */
export class LessonSession {
  private previous: LessonDocument | undefined;

  constructor(private config: ResolvedConfig) {}

  lint(text: string, options: LintOptions = {}): LintResult {
    const doc = parseLesson(text, { maxLength: this.config.maxLessonSize, dialect: dialectOf(options.page?.path) }, this.previous);
    this.previous = doc;
    const findings = lintDocument(doc, this.config, options);
    return { doc, findings, page: summarizePage(doc, this.config, options.page, { today: options.today, findings }) };
  }

  /** A new configuration applies from the next lint on. */
  configure(config: ResolvedConfig): void {
    this.config = config;
  }
}
