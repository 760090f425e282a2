import * as vscode from 'vscode';
import { hours, plural } from '../../core';
import { COMMANDS, OUTLINE_VIEW } from '../commands/ids';
import type { ConfigService } from '../config';
import type { CourseModel } from '../course/courseModel';
import type { ModuleFindings } from '../course/moduleFindings';
import { Disposable } from '../disposable';
import type { LintRunner } from '../lint/runner';
import type { LessonLinter } from '../linter';
import { OutlineIndexer } from './indexer';
import { CourseOutlineProvider, type ModuleNode, type OutlineNode } from './tree';

/**
 * The Course Outline view: the course's modules and pages as a lead reads them. The pages are checked the first time the view is shown (or
 * the report asked
 * for), in the background, never during activation.
 */
export class CourseOutline extends Disposable {
  readonly indexer: OutlineIndexer;
  readonly provider: CourseOutlineProvider;
  readonly view: vscode.TreeView<OutlineNode>;
  constructor(
    model: CourseModel,
    client: LintRunner,
    configs: ConfigService,
    modules: ModuleFindings,
    private readonly linter: LessonLinter,
  ) {
    super();
    this.indexer = this.register(new OutlineIndexer(model, client, configs, modules, linter));
    this.provider = this.register(new CourseOutlineProvider(this.indexer));
    this.view = this.register(vscode.window.createTreeView(OUTLINE_VIEW.id, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.register(this.view.onDidChangeVisibility(({ visible }) => visible && void this.open()));
    this.register(this.provider.onDidChangeTreeData(() => this.updateView()));
    this.register(
      vscode.Disposable.from(
        vscode.commands.registerCommand(COMMANDS.outlineRefresh.id, () => this.refresh()),
        vscode.commands.registerCommand(COMMANDS.outlineShowModuleFindings.id, (node?: ModuleNode | string) =>
          this.showModuleFindings(node),
        ),
      ),
    );
    this.updateView();
    if (this.view.visible) void this.open();
  }

  /** Resolves when every page has been checked and the tree shows the outline. */
  async ready(): Promise<void> {
    await this.open();
    this.provider.rebuild();
  }

  private open(): Promise<void> {
    return this.withProgress(this.indexer.start());
  }

  private refresh(): Promise<void> {
    return this.withProgress(this.indexer.refresh());
  }

  /**
   * The module's findings in the Problems panel, as Lint Workspace puts them there: each page is
   * checked by the linter and its findings stay after it closes, in the one place the editor's are.
   */
  private async showModuleFindings(node: ModuleNode | string | undefined): Promise<number> {
    const key = typeof node === 'string' ? node : node?.module.key;
    const module = this.provider.modules.find((candidate) => candidate.module.key === key)?.module;
    if (!module) return 0;
    const uris = module.pages.flatMap((page) => this.indexer.uriOf(page.path) ?? []);
    const snapshots = await Promise.all(uris.map((uri) => this.linter.lintFile(uri)));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return snapshots.reduce((sum, snapshot) => sum + (snapshot?.findings.length ?? 0), 0);
  }

  private updateView() {
    const outline = this.indexer.outline;
    if (!outline || this.provider.state !== 'modules') {
      this.view.description = undefined;
    } else {
      const totals = outline.totals;
      const gaps = this.provider.modules.filter((node) =>
        Object.values(node.module.parts).some((rollup) => rollup.coverage === 'missing'),
      ).length;
      this.view.description =
        `${plural(outline.modules.length, 'module')} · ${plural(totals.pages, 'page')} · ` +
        `~${hours(totals.minutes)}${gaps > 0 ? ` · ${gaps} with gaps` : ''}`;
    }
    void vscode.commands.executeCommand('setContext', OUTLINE_VIEW.stateContext, this.provider.state);
  }

  private async withProgress(work: Promise<void>): Promise<void> {
    this.provider.rebuild();
    await vscode.window.withProgress({ location: { viewId: OUTLINE_VIEW.id } }, () => work);
    this.provider.rebuild();
  }
}
