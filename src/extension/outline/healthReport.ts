import { randomBytes } from 'node:crypto';
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import { courseHealth, toPosix, type CourseHealth } from '../../core';
import { healthHtml } from '../../report';
import { COMMANDS } from '../commands/ids';
import { Disposable } from '../disposable';
import { localToday } from '../review/today';
import type { OutlineIndexer } from './indexer';

export const HEALTH_REPORT_VIEW = 'courseReview.healthReport';

type Message = { command: 'open'; path: string } | { command: 'export' } | { command: 'refresh' };

/**
 * The course health report in a webview beside the editor: the same HTML as the exported file,
 * with a nonce-only Content Security Policy, links that open the pages, and Export HTML. When the
 * course changes while it is open, it says so and offers Refresh, rather than redrawing (and
 * losing the reader's place) at every keystroke in a lesson.
 */
export class HealthReportPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private health: CourseHealth | undefined;

  constructor(private readonly indexer: OutlineIndexer) {
    super();
    this.register(indexer.onDidChange(() => this.panel && void this.panel.webview.postMessage({ command: 'stale' })));
    this.register({ dispose: () => this.panel?.dispose() });
  }

  /** Opens (or shows) the report; resolves once it shows the course as checked now. */
  async open(): Promise<vscode.WebviewPanel> {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Course Review: checking the course for its health report…' },
      () => this.indexer.start(),
    );
    if (this.panel) {
      this.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(HEALTH_REPORT_VIEW, 'Course Health', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      panel.webview.onDidReceiveMessage((message: Message) => void this.received(message));
      this.panel = panel;
    }
    await this.render();
    return this.panel;
  }

  /** Export HTML…: the self-contained file, with its links to the pages relative to where it is saved. */
  async export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.indexer.start();
    const health = this.health ?? this.current();
    if (!health) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const chosen =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export the course health report',
        filters: { HTML: ['html'] },
        ...(folder && { defaultUri: vscode.Uri.joinPath(folder, `course-health-${health.today}.html`) }),
      }));
    if (!chosen) return undefined;
    const href = (path: string) => {
      const page = this.indexer.uriOf(path);
      return page ? encodeURI(toPosix(relative(dirname(chosen.fsPath), page.fsPath))) : encodeURI(path);
    };
    const html = await healthHtml(health, { href });
    await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(html));
    void vscode.window.showInformationMessage(`Exported the course health report to ${vscode.workspace.asRelativePath(chosen)}.`);
    return chosen;
  }

  private current(): CourseHealth | undefined {
    const outline = this.indexer.outline;
    return outline && courseHealth(outline, localToday());
  }

  private async render() {
    const panel = this.panel;
    const health = this.current();
    if (!panel || !health) return;
    this.health = health;
    const nonce = randomBytes(16).toString('base64');
    panel.webview.html = await healthHtml(health, { href: (path) => path, webview: { nonce } });
  }

  private async received(message: Message) {
    if (message.command === 'export') {
      await this.export();
      return;
    }
    if (message.command === 'refresh') {
      await this.render();
      return;
    }
    const uri = this.indexer.uriOf(message.path);
    if (uri) await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.One });
  }
}

/** The health report and its two commands (desktop only: the report's charting bundle is loaded with Node). */
export function registerHealthReport(indexer: OutlineIndexer): vscode.Disposable {
  const report = new HealthReportPanel(indexer);
  return vscode.Disposable.from(
    report,
    vscode.commands.registerCommand(COMMANDS.openHealthReport.id, () => report.open()),
    vscode.commands.registerCommand(COMMANDS.exportHealthReport.id, (target?: vscode.Uri) => report.export(target)),
  );
}
