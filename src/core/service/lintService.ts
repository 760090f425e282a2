import type { ResolvedConfig } from '../config/resolve';
import type { LessonDocument } from '../document/model';
import { fixAll } from '../fixAll';
import { lintText, type Finding } from '../lint';
import { readingGrade } from '../prose/readability';
import { triggerCounts } from '../queue/triggers';
import { LessonSession } from '../session';
import { disableFileComment, disableNextLineComment } from '../suppressions';
import type { PageSummary } from '../course/summary';
import type { CheckedFinding, LintReport, LintRequest, LintResponse } from './protocol';

/**
 * The checks an editor asks for, as one message handler: it keeps an incremental session per open
 * lesson and the configurations it was sent. It runs wherever the editor puts it (a worker thread
 * in VS Code, so that a slow lesson never blocks typing), and answers with plain data.
 */
export class LintService {
  private readonly sessions = new Map<string, LessonSession>();
  private readonly configs = new Map<number, ResolvedConfig>();

  handle(request: LintRequest): LintResponse {
    if (request.method === 'forget') {
      this.sessions.delete(request.key);
      return { method: 'forget' };
    }
    if (request.config) this.configs.set(request.configId, request.config);
    const config = this.configs.get(request.configId);
    if (!config) return { method: 'unknown-config', configId: request.configId };
    switch (request.method) {
      case 'lint': {
        const session = this.sessions.get(request.key) ?? new LessonSession(config);
        session.configure(config);
        this.sessions.set(request.key, session);
        const { doc, findings, page } = session.lint(request.text, { today: request.today, page: request.page });
        return { method: 'lint', report: report(doc, findings, page) };
      }
      case 'lintOnce': {
        const { doc, findings, page } = lintText(request.text, config, { today: request.today, page: request.page });
        return { method: 'lintOnce', report: report(doc, findings, page) };
      }
      case 'fixAll': {
        const { text, changes } = fixAll(request.text, config);
        return { method: 'fixAll', text, changes };
      }
      case 'triggers':
        return { method: 'triggers', counts: [...triggerCounts(request.text, config)] };
    }
  }
}

function report(doc: LessonDocument, findings: readonly Finding[], page: PageSummary): LintReport {
  const inFrontMatter = (offset: number) =>
    doc.frontMatter !== undefined && offset >= doc.frontMatter.range.start && offset <= doc.frontMatter.range.end;
  const byRule = new Map<string, CheckedFinding['disableFile']>();
  const checked = findings.map((finding): CheckedFinding => {
    const disableFile = byRule.get(finding.ruleId) ?? disableFileComment(doc, finding.ruleId);
    byRule.set(finding.ruleId, disableFile);
    return {
      ...finding,
      disableLine: inFrontMatter(finding.start) ? undefined : disableNextLineComment(doc, finding.ruleId, finding.start),
      disableFile,
    };
  });
  return { findings: checked, grade: doc.skipped ? undefined : readingGrade(doc), page };
}
