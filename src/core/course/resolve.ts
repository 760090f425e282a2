import type { ResolvedConfig } from '../config/resolve';
import type { Finding } from '../lint';
import type { Course } from './course';
import { EXPECTED, pageHasPart, SERVES_MODULE, type Part } from './expectations';
import { PAGE_TYPE_NOUNS } from './pageType';
import type { PageSummary } from './summary';

export interface LintedPage {
  path: string;
  findings: Finding[];
  summary: PageSummary;
  config: ResolvedConfig;
}

/** How each part reads in a module-level finding. */
const PART_NAMES: Record<Part, string> = {
  objectives: 'learning objectives',
  practice: 'practice',
  summary: 'summary',
  'knowledge-check': 'knowledge check',
  hook: 'hook',
};

const RULE_OF: Record<Part, string> = {
  objectives: 'objectives-present',
  practice: 'practice-present',
  summary: 'summary-present',
  'knowledge-check': 'knowledge-check-present',
  hook: 'hook-present',
};

/** Pages a module-level message names before "and N more". */
const NAMED_PAGES = 6;

/**
 * Settles the findings of whole-lesson rules with `scope: module` across each module: a page
 * without a part is fine when a page that serves the module has it (objectives or a hook in the
 * overview, a quiz page, a conclusion, a lab or an assignment). When no page of the module has the
 * part at all, its pages' findings give way to one, on the module's first page, naming the pages
 * searched. Otherwise each page without the part keeps its own finding. Pages the course does not
 * know are left as they are.
 */
export function resolveModuleFindings(pages: readonly LintedPage[], course: Course): Map<string, Finding[]> {
  // An acronym another page of the course spells out is one its learners have been taught.
  const taught = new Set(pages.flatMap((page) => (course.page(page.path) ? (page.summary.acronymsSpelledOut ?? []) : [])));
  const result = new Map(
    pages.map((page) => [
      page.path,
      page.findings.filter((finding) => !finding.module && !(finding.acronym && course.page(page.path) && taught.has(finding.acronym))),
    ]),
  );
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const modules = new Map<string, LintedPage[]>();
  for (const page of pages) {
    const module = course.page(page.path)?.module;
    if (!module) {
      result.set(page.path, page.findings);
      continue;
    }
    modules.set(module.key, [...(modules.get(module.key) ?? []), page]);
  }
  for (const [key, members] of modules) {
    const module = course.modules.find((candidate) => candidate.key === key)!;
    const ordered = module.pages.flatMap((path) => byPath.get(path) ?? []);
    const parts = new Set<Part>(
      members.flatMap((page) => page.findings.flatMap((finding) => (finding.module ? [finding.module.part] : []))),
    );
    for (const part of parts) {
      const missing = members.flatMap((page) =>
        page.findings.filter((finding) => finding.module?.part === part).map((finding) => ({ page, finding })),
      );
      if (ordered.some((page) => SERVES_MODULE[part].has(page.summary.type.type) && pageHasPart(page.summary, part))) continue;
      const having = ordered.filter((page) => pageHasPart(page.summary, part)).length;
      if (ordered.length === 1 || missing.length < 2 || missing.length < having) {
        for (const { page, finding } of missing) result.get(page.path)!.push(withoutScope(finding));
        continue;
      }
      const first = ordered[0];
      const finding = moduleFinding(
        first,
        part,
        module.title,
        ordered,
        missing.map(({ page }) => page),
        missing[0].finding,
      );
      if (finding) result.get(first.path)!.push(finding);
    }
  }
  for (const findings of result.values()) findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return result;
}

function withoutScope(finding: Finding): Finding {
  const { module: _module, ...rest } = finding;
  return rest;
}

/**
 * The one finding for a module where most pages lack the part and no page serves the whole module,
 * at its first page's title, unless switched off there. It names the pages searched and those
 * without the part.
 */
function moduleFinding(
  first: LintedPage,
  part: Part,
  title: string,
  searched: readonly LintedPage[],
  lacking: readonly LintedPage[],
  example: Finding,
): Finding | undefined {
  const ruleId = RULE_OF[part];
  const enabled = first.config.rules.get(ruleId);
  if (!enabled || first.summary.suppressedAtTitle.includes(ruleId)) return undefined;
  const name = (page: LintedPage) => page.path.slice(page.path.lastIndexOf('/') + 1);
  const list = (pages: readonly LintedPage[]) =>
    pages.length > NAMED_PAGES
      ? `${pages.slice(0, NAMED_PAGES).map(name).join(', ')} and ${pages.length - NAMED_PAGES} more`
      : pages.map(name).join(', ');
  const servers = [...SERVES_MODULE[part]]
    .map((type) => PAGE_TYPE_NOUNS[type])
    .join(' or ')
    .replace(/ page or /g, ' or ');
  const expectation = example.message.slice(example.message.indexOf('expected'));
  const where =
    lacking.length === searched.filter((page) => EXPECTED[page.summary.type.type].has(part)).length
      ? 'none of its pages has one'
      : `${lacking.length} of its ${searched.length} pages have none (${list(lacking)})`;
  return {
    ruleId,
    severity: enabled.severity,
    message:
      `No ${PART_NAMES[part]} in the module "${title}": ${where}, and no ${servers} covers the module (searched ${list(searched)}): ` +
      `${expectation}`,
    start: first.summary.title.start,
    end: first.summary.title.end,
    range: first.summary.title.range,
    moduleWide: true,
  };
}
