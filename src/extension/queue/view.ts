import * as vscode from 'vscode';
import { displayIdentity, type GroupBy } from '../../core';
import { COMMANDS, QUEUE_VIEW } from '../commands/ids';
import type { ConfigService } from '../config';
import { Disposable } from '../disposable';
import type { IdentityResolver } from '../review/identity';
import { copyReminder, isGrouping, openLesson, pickGrouping, QUEUE_REVIEW_COMMANDS, reviewFromQueue } from './commands';
import type { LintRunner } from '../lint/runner';
import type { TriggerStore } from './triggerStore';
import type { LocalLessonReader } from './read';
import { QueueIndexer } from './indexer';
import { countText, viewDescription } from './labels';
import { exportReviewReport } from './report';
import { ReviewQueueProvider, type QueueNode, type ReviewNode } from './tree';

/** Remembered per workspace. */
const GROUP_BY_KEY = 'courseReview.queue.groupBy';
const ASSIGNED_KEY = 'courseReview.queue.assignedToMe';

/**
 * The Review Queue view: the tree, its badge and description, and its commands. The workspace is
 * read the first time the view is shown (or a command needs it), never during activation.
 */
export class ReviewQueue extends Disposable {
  readonly indexer: QueueIndexer;
  readonly provider: ReviewQueueProvider;
  readonly view: vscode.TreeView<QueueNode>;
  private opened: Promise<void> | undefined;

  constructor(
    private readonly configs: ConfigService,
    private readonly identity: IdentityResolver,
    private readonly memory: vscode.Memento,
    client: LintRunner,
    local?: LocalLessonReader,
    store?: TriggerStore,
  ) {
    super();
    this.indexer = this.register(new QueueIndexer(configs, client, local, store));
    const remembered = memory.get<string>(GROUP_BY_KEY);
    this.provider = this.register(new ReviewQueueProvider(this.indexer, isGrouping(remembered) ? remembered : 'role'));
    this.view = this.register(vscode.window.createTreeView(QUEUE_VIEW.id, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.register(this.provider.onDidChangeTreeData(() => this.updateView()));
    this.register(this.view.onDidChangeVisibility(({ visible }) => visible && void this.open()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('courseReview.reviewer') && this.provider.assignedTo) void this.assignedToMe({ ask: false });
      }),
    );
    this.register(
      vscode.Disposable.from(
        vscode.commands.registerCommand(COMMANDS.queueGroupBy.id, (by?: unknown) => this.groupBy(by)),
        vscode.commands.registerCommand(COMMANDS.queueAssignedToMe.id, () => this.assignedToMe({ ask: true })),
        vscode.commands.registerCommand(COMMANDS.queueShowAll.id, () => this.showAll()),
        vscode.commands.registerCommand(COMMANDS.queueRefresh.id, () => this.refresh()),
        vscode.commands.registerCommand(COMMANDS.exportReviewReport.id, (argument?: unknown) => exportReviewReport(this, argument)),
        vscode.commands.registerCommand(COMMANDS.queueOpen.id, openLesson),
        vscode.commands.registerCommand(COMMANDS.queueCopyReminder.id, copyReminder),
        ...QUEUE_REVIEW_COMMANDS.map(({ id, runs }) => vscode.commands.registerCommand(id, (args) => reviewFromQueue(runs, args))),
      ),
    );
    void this.setContext(QUEUE_VIEW.assignedContext, false);
    this.updateView();
    if (this.view.visible) void this.open();
  }

  /** Resolves when every lesson has been read and checked, and the tree shows the result. */
  async ready(): Promise<void> {
    await this.open();
    await this.indexer.whenIdle();
    this.provider.rebuild();
  }

  reviews(today: string): ReviewNode[] {
    return this.provider.reviews(today);
  }

  isLessonFile(uri: vscode.Uri): boolean {
    return this.configs.isLessonFile(uri);
  }

  /** The first look at the queue: read the workspace, with progress on the view. */
  private open(): Promise<void> {
    this.opened ??= (async () => {
      if (this.memory.get<boolean>(ASSIGNED_KEY, false)) await this.assignedToMe({ ask: false });
      await this.withProgress(this.indexer.start());
    })();
    return this.opened;
  }

  private async refresh(): Promise<void> {
    if (!this.opened) return this.open();
    await this.withProgress(this.indexer.reindex());
  }

  private async groupBy(by: unknown): Promise<GroupBy | undefined> {
    const chosen = isGrouping(by) ? by : await pickGrouping(this.provider.groupBy);
    if (!chosen) return undefined;
    await this.memory.update(GROUP_BY_KEY, chosen);
    this.provider.show({ groupBy: chosen });
    return chosen;
  }

  /** Shows only the reviews whose reviewer is you (who you are as the review commands know it). */
  private async assignedToMe(options: { ask: boolean }): Promise<boolean> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/');
    const me = await this.identity.resolve(folder, options);
    if (!me) {
      if (!options.ask) await this.showAll();
      return false;
    }
    await Promise.all([this.memory.update(ASSIGNED_KEY, true), this.setContext(QUEUE_VIEW.assignedContext, true)]);
    this.provider.show({ assignedTo: me });
    return true;
  }

  private async showAll(): Promise<void> {
    await Promise.all([this.memory.update(ASSIGNED_KEY, false), this.setContext(QUEUE_VIEW.assignedContext, false)]);
    this.provider.show({ assignedTo: null });
  }

  private updateView() {
    const shown = this.provider.shown;
    this.view.badge = shown > 0 ? { value: shown, tooltip: countText(shown) } : undefined;
    this.view.description = viewDescription(this.provider.groupBy, this.provider.assignedTo !== undefined);
    // A single view's description is hidden in the side bar's merged title: say the filter in the view too.
    const me = this.provider.assignedTo;
    this.view.message = me && shown > 0 ? `Reviews assigned to ${displayIdentity(me)}.` : undefined;
    void this.setContext(QUEUE_VIEW.stateContext, this.provider.state);
  }

  private async withProgress(work: Promise<void>): Promise<void> {
    this.provider.rebuild();
    await vscode.window.withProgress({ location: { viewId: QUEUE_VIEW.id } }, () => work);
    this.provider.rebuild();
  }

  private setContext(key: string, value: unknown): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', key, value);
  }
}
