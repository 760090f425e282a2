import type { LessonDocument } from './document/model';

const DIRECTIVE = /^course-review-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*)$/;

type Scope = 'all' | ReadonlySet<string>;

interface Toggle {
  offset: number;
  disable: boolean;
  scope: Scope;
}

/**
 * Reads `<!-- course-review-disable … -->` comments. No rule ids means every rule.
 * `disable`/`enable` act from the comment on; `disable-next-line` the line after the comment;
 * `disable-line` the comment's own line; `disable-file` the whole file.
 */
export class Suppressions {
  private readonly toggles: Toggle[] = [];
  private readonly lines = new Map<number, Scope[]>();
  private readonly file: Scope[] = [];

  constructor(private readonly doc: LessonDocument) {
    for (const comment of doc.comments) {
      const directive = DIRECTIVE.exec(comment.body);
      if (!directive) continue;
      const ids = directive[2].split(/[\s,]+/).filter((id) => id !== '' && id !== '--');
      const scope: Scope = ids.length === 0 ? 'all' : new Set(ids);
      const lastLine = doc.lines.lineAt(comment.end);
      switch (directive[1]) {
        case 'disable-next-line':
          this.addLine(lastLine + 1, scope);
          break;
        case 'disable-line':
          this.addLine(doc.lines.lineAt(comment.start), scope);
          break;
        case 'disable-file':
          this.file.push(scope);
          break;
        default:
          this.toggles.push({ offset: comment.start, disable: directive[1] === 'disable', scope });
      }
    }
  }

  isSuppressed(ruleId: string, offset: number): boolean {
    const covers = (scope: Scope) => scope === 'all' || scope.has(ruleId);
    if (this.file.some(covers)) return true;
    if ((this.lines.get(this.doc.lines.lineAt(offset)) ?? []).some(covers)) return true;
    let disabled = false;
    for (const toggle of this.toggles) {
      if (toggle.offset > offset) break;
      if (covers(toggle.scope)) disabled = toggle.disable;
    }
    return disabled;
  }

  private addLine(line: number, scope: Scope) {
    this.lines.set(line, [...(this.lines.get(line) ?? []), scope]);
  }
}

/** The comment a "disable for this line" action inserts above a finding, indented like the line. */
export function disableNextLineComment(doc: LessonDocument, ruleId: string, offset: number): { start: number; text: string } {
  const line = doc.lines.lineAt(offset);
  const lineText = doc.lines.lineText(line);
  const indent = /^[ \t>]*/.exec(lineText)?.[0] ?? '';
  const start = doc.lines.lineStart(line);
  return { start, text: `${indent}<!-- course-review-disable-next-line ${ruleId} -->${doc.lines.eol}` };
}

/** The comment a "disable for this file" action inserts, just after the front matter. */
export function disableFileComment(doc: LessonDocument, ruleId: string): { start: number; text: string } {
  const eol = doc.lines.eol;
  if (!doc.frontMatter) return { start: 0, text: `<!-- course-review-disable-file ${ruleId} -->${eol}${eol}` };
  const line = doc.lines.lineAt(doc.frontMatter.range.end);
  const start = line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
  const lead = start === doc.text.length && !doc.text.endsWith('\n') ? eol : '';
  return { start, text: `${lead}<!-- course-review-disable-file ${ruleId} -->${eol}` };
}
