import * as vscode from 'vscode';
import { REPORT_FORMATS, reviewReport, type ReportFormat } from '../../core';
import { localToday } from '../review/today';
import type { ReviewNode } from './tree';

/** What a caller (a test, a task) may settle in advance; anything missing is asked for. */
export interface ExportArgs {
  format?: ReportFormat;
  uri?: vscode.Uri | string;
}

export interface ReportSource {
  /** Resolves when every lesson has been read and checked for triggers. */
  ready(): Promise<void>;
  reviews(today: string): ReviewNode[];
  /** A report is never written over a lesson. */
  isLessonFile(uri: vscode.Uri): boolean;
}

/**
 * Only an object that says nothing but a format or a place counts as arguments: a command in a
 * view's title bar also receives the view's selected item, which must never become the target.
 */
export function exportArgsFrom(value: unknown): ExportArgs {
  if (!value || typeof value !== 'object' || value instanceof vscode.Uri) return {};
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => key === 'format' || key === 'uri')) return {};
  const { format, uri } = value as Record<string, unknown>;
  return {
    ...(typeof format === 'string' && REPORT_FORMATS.includes(format as ReportFormat) && { format: format as ReportFormat }),
    ...((typeof uri === 'string' || uri instanceof vscode.Uri) && { uri }),
  };
}

const FORMATS: Record<ReportFormat, { label: string; description: string; filter: Record<string, string[]> }> = {
  md: { label: 'Markdown', description: 'to read or paste into a status page', filter: { Markdown: ['md'] } },
  csv: { label: 'CSV', description: 'for a spreadsheet', filter: { CSV: ['csv'] } },
};

/**
 * Export Review Report…: counts per role and status, the reviews waiting longest and the overdue
 * ones, for every outstanding review in the workspace. Asks Markdown or CSV, then where to save;
 * resolves to the file written.
 */
export async function exportReviewReport(source: ReportSource, argument?: unknown): Promise<vscode.Uri | undefined> {
  const args = exportArgsFrom(argument);
  const format = args.format ?? (await pickFormat());
  if (!format || !REPORT_FORMATS.includes(format)) return undefined;
  const today = localToday();
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target =
    args.uri !== undefined
      ? typeof args.uri === 'string'
        ? vscode.Uri.parse(args.uri)
        : args.uri
      : await vscode.window.showSaveDialog({
          title: 'Course Review: save the review report',
          saveLabel: 'Export',
          defaultUri: folder && vscode.Uri.joinPath(folder.uri, `review-report-${today}.${format}`),
          filters: FORMATS[format].filter,
        });
  if (!target) return undefined;
  if (source.isLessonFile(target)) {
    void vscode.window.showErrorMessage(
      `Course Review: ${vscode.workspace.asRelativePath(target)} is a lesson; the review report was not saved over it. ` +
        `Choose another file name.`,
    );
    return undefined;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Course Review: reading reviews' }, () =>
    source.ready(),
  );
  const report = reviewReport(
    source.reviews(today).map((node) => node.item),
    today,
    format,
  );
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report));
  const shown = target.scheme === 'file' ? vscode.workspace.asRelativePath(target) : target.toString();
  void vscode.window
    .showInformationMessage(`Course Review: review report saved to ${shown}.`, 'Open')
    .then((choice) => choice && vscode.window.showTextDocument(target));
  return target;
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    REPORT_FORMATS.map((format) => ({ ...FORMATS[format], format })),
    { title: 'Course Review: export the review report as', placeHolder: 'Markdown or CSV?' },
  );
  return picked?.format;
}
