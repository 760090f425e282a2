import * as vscode from 'vscode';
import { filterItems, groupItems, type GroupBy, type Identity, type QueueItem } from '../../core';
import { COMMANDS, type QueueState } from '../commands/ids';
import { Disposable } from '../disposable';
import { localToday } from '../review/today';
import type { QueueIndexer } from './indexer';
import { countText, itemDescription, itemFacts } from './labels';

/**
 * One outstanding review. `uri` and `role` sit at the top level so that the node itself is a
 * valid argument of the review commands; `item.file` is the workspace-relative path.
 */
export interface ReviewNode {
  kind: 'review';
  uri: vscode.Uri;
  role: string;
  item: QueueItem;
}

export interface GroupNode {
  kind: 'group';
  key: string;
  label: string;
  reviews: ReviewNode[];
}

/** A lesson whose front matter cannot be read: its reviews are unknown, so it is listed apart. */
export interface ProblemNode {
  kind: 'problem';
  uri: vscode.Uri;
  path: string;
  problem: string;
}

export interface ProblemsNode {
  kind: 'problems';
  problems: ProblemNode[];
}

export type QueueNode = GroupNode | ReviewNode | ProblemsNode | ProblemNode;

/**
 * The Review Queue tree: outstanding reviews from the index, filtered and grouped by the core.
 * Nodes are computed when the index changes; `getChildren` only hands them out.
 */
export class ReviewQueueProvider extends Disposable implements vscode.TreeDataProvider<QueueNode> {
  private readonly changed = this.register(new vscode.EventEmitter<QueueNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private roots: QueueNode[] = [];
  /** The index hands out the same item until its lesson changes, so each node is made once. */
  private readonly nodes = new WeakMap<QueueItem, ReviewNode>();
  private today = localToday();
  private groupedBy: GroupBy;
  private assignee: Identity | undefined;
  /** Reviews in the tree, after the filter. */
  shown = 0;
  state: QueueState = 'idle';

  constructor(
    private readonly indexer: QueueIndexer,
    groupBy: GroupBy,
  ) {
    super();
    this.groupedBy = groupBy;
    this.register(indexer.onDidChange(() => this.rebuild()));
  }

  get groupBy(): GroupBy {
    return this.groupedBy;
  }

  get assignedTo(): Identity | undefined {
    return this.assignee;
  }

  show(options: { groupBy?: GroupBy; assignedTo?: Identity | null }): void {
    if (options.groupBy) this.groupedBy = options.groupBy;
    if (options.assignedTo !== undefined) this.assignee = options.assignedTo ?? undefined;
    this.rebuild();
  }

  /** Every outstanding review in the workspace (no filter), overdue first. */
  reviews(today: string): ReviewNode[] {
    const index = this.indexer.index;
    return index
      .items(today)
      .filter((item) => !index.get(item.file)?.problem)
      .map((item) => {
        let node = this.nodes.get(item);
        if (!node) {
          const uri = vscode.Uri.parse(item.file);
          node = { kind: 'review', uri, role: item.role, item: { ...item, file: vscode.workspace.asRelativePath(uri) } };
          this.nodes.set(item, node);
        }
        return node;
      });
  }

  rebuild(): void {
    const today = localToday();
    const all = this.reviews(today);
    const nodes = new Map(all.map((node) => [node.item, node]));
    const visible = this.assignee ? filterItems([...nodes.keys()], { reviewer: this.assignee }) : [...nodes.keys()];
    const groups: QueueNode[] = groupItems(visible, this.groupedBy, today).map((group) => ({
      kind: 'group',
      key: group.key,
      label: group.label,
      reviews: group.items.flatMap((item) => nodes.get(item) ?? []),
    }));
    const problems: ProblemNode[] = this.assignee
      ? []
      : this.indexer.index.problems().map(({ file, problem }) => {
          const uri = vscode.Uri.parse(file);
          return { kind: 'problem', uri, path: vscode.workspace.asRelativePath(uri), problem };
        });
    this.roots = problems.length > 0 ? [...groups, { kind: 'problems', problems }] : groups;
    this.today = today;
    this.shown = visible.length;
    this.state = this.stateOf(all.length, problems.length);
    this.changed.fire(undefined);
  }

  getChildren(node?: QueueNode): QueueNode[] {
    if (!node) return this.roots;
    if (node.kind === 'group') return node.reviews;
    if (node.kind === 'problems') return node.problems;
    return [];
  }

  getTreeItem(node: QueueNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${this.groupedBy}:${node.key}`;
        item.description = String(node.reviews.length);
        item.tooltip = `${node.label}: ${countText(node.reviews.length)}`;
        item.contextValue = 'reviewGroup';
        return item;
      }
      case 'review':
        return this.reviewItem(node);
      case 'problems': {
        const item = new vscode.TreeItem('Unreadable front matter', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'problems';
        item.description = String(node.problems.length);
        item.tooltip = 'Lessons whose front matter does not parse: their reviews can be neither read nor signed until it is fixed.';
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(basename(node.path), vscode.TreeItemCollapsibleState.None);
        item.id = `problem:${node.uri.toString()}`;
        item.description = 'front matter does not parse';
        item.tooltip = `${node.path}\n${node.problem}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'lessonProblem';
        item.command = { command: COMMANDS.queueOpen.id, title: COMMANDS.queueOpen.title, arguments: [node] };
        return item;
      }
    }
  }

  private reviewItem(node: ReviewNode): vscode.TreeItem {
    const { item: review } = node;
    const label = review.title ?? basename(review.file);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = `review:${node.uri.toString()}#${node.role}`;
    item.description = itemDescription(review, this.today, this.groupedBy);
    item.iconPath = statusIcon(review);
    item.contextValue = `reviewItem.${review.status}`;
    item.command = { command: COMMANDS.queueOpen.id, title: COMMANDS.queueOpen.title, arguments: [node] };
    const facts = itemFacts(review, this.today).map(([name, value]) => `${name}: ${markdownText(value)}`);
    item.tooltip = new vscode.MarkdownString(
      [
        `**${markdownText(label)}** — ${markdownText(review.label)} review`,
        `\`${review.file.replace(/`/g, "'")}\``,
        facts.join('  \n'),
      ].join('\n\n'),
    );
    item.accessibilityInformation = { label: `${label}, ${review.label} review, ${item.description}` };
    return item;
  }

  private stateOf(outstanding: number, problems: number): QueueState {
    if (this.indexer.status !== 'ready') return this.indexer.status;
    if (this.indexer.index.size === 0) return 'noLessons';
    if (this.shown > 0 || problems > 0) return 'reviews';
    return this.assignee && outstanding > 0 ? 'noneAssigned' : 'clear';
  }
}

function statusIcon(item: QueueItem): vscode.ThemeIcon {
  if (item.overdue) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
  switch (item.status) {
    case 'stale':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'changes-requested':
      return new vscode.ThemeIcon('comment-discussion');
    case 'requested':
      return new vscode.ThemeIcon('clock');
    case 'missing':
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

/** Plain text inside Markdown: punctuation escaped, on one line. */
function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
