import * as vscode from 'vscode';
import {
  coverageText,
  OUTLINE_PARTS,
  PART_LABELS,
  plural,
  reviewsText,
  type OutlineModule,
  type OutlinePage,
  type OutlinePart,
  type PageReview,
} from '../../core';
import { COMMANDS } from '../commands/ids';
import { Disposable } from '../disposable';
import type { OutlineIndexer } from './indexer';
import {
  coverageIcon,
  moduleDescription,
  moduleGaps,
  moduleTooltip,
  openReviewDescription,
  pageDescription,
  pageIcon,
  pageTooltip,
  partsDescription,
} from './labels';

export type OutlineNode =
  | { kind: 'course'; title: string; modules: ModuleNode[] }
  | ModuleNode
  | { kind: 'parts'; module: OutlineModule }
  | { kind: 'part'; module: OutlineModule; part: OutlinePart }
  | { kind: 'reviews'; module: OutlineModule }
  | { kind: 'review'; page: OutlinePage; review: PageReview; uri: vscode.Uri | undefined }
  | PageNode;

export interface ModuleNode {
  kind: 'module';
  module: OutlineModule;
}

export interface PageNode {
  kind: 'page';
  page: OutlinePage;
  uri: vscode.Uri | undefined;
}

/** What the view shows when it lists no module: each has its own welcome content. */
export type OutlineState = 'idle' | 'indexing' | 'noLessons' | 'modules';

/**
 * The Course Outline tree: course (in a multi-root workspace), module, then the module's parts,
 * its reviews and its pages in reading order. Rebuilt when the indexer rebuilds the outline.
 */
export class CourseOutlineProvider extends Disposable implements vscode.TreeDataProvider<OutlineNode> {
  private readonly changed = this.register(new vscode.EventEmitter<OutlineNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private roots: OutlineNode[] = [];
  state: OutlineState = 'idle';

  constructor(private readonly indexer: OutlineIndexer) {
    super();
    this.register(indexer.onDidChange(() => this.rebuild()));
  }

  rebuild(): void {
    const outline = this.indexer.outline;
    this.state = this.indexer.status === 'ready' ? (outline && outline.modules.length > 0 ? 'modules' : 'noLessons') : this.indexer.status;
    const modules: ModuleNode[] = (outline?.modules ?? []).map((module) => ({ kind: 'module', module }));
    this.roots = coursesOf(modules, (path) => this.indexer.uriOf(path));
    this.changed.fire(undefined);
  }

  get modules(): ModuleNode[] {
    return this.roots.flatMap((node) => (node.kind === 'course' ? node.modules : node.kind === 'module' ? [node] : []));
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    if (!node) return this.roots;
    switch (node.kind) {
      case 'course':
        return node.modules;
      case 'module': {
        const { module } = node;
        const reviews: OutlineNode[] = module.reviews.approved + module.reviews.outstanding > 0 ? [{ kind: 'reviews', module }] : [];
        return [
          { kind: 'parts', module },
          ...reviews,
          ...module.pages.map((page): PageNode => ({ kind: 'page', page, uri: this.indexer.uriOf(page.path) })),
        ];
      }
      case 'parts':
        return OUTLINE_PARTS.map((part) => ({ kind: 'part', module: node.module, part }));
      case 'reviews':
        return node.module.pages.flatMap((page) =>
          page.openReviews.map((review): OutlineNode => ({ kind: 'review', page, review, uri: this.indexer.uriOf(page.path) })),
        );
      default:
        return [];
    }
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    switch (node.kind) {
      case 'course': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.description = plural(node.modules.length, 'module');
        item.iconPath = new vscode.ThemeIcon('mortar-board');
        item.contextValue = 'outlineCourse';
        return item;
      }
      case 'module': {
        const { module } = node;
        const item = new vscode.TreeItem(module.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `module:${module.key}`;
        item.description = moduleDescription(module);
        item.tooltip = moduleTooltip(module);
        item.iconPath =
          moduleGaps(module).length > 0
            ? new vscode.ThemeIcon('folder', new vscode.ThemeColor('problemsWarningIcon.foreground'))
            : new vscode.ThemeIcon('folder');
        item.contextValue = 'outlineModule';
        item.accessibilityInformation = { label: `Module ${module.title}: ${moduleDescription(module)}` };
        return item;
      }
      case 'parts': {
        const item = new vscode.TreeItem('Parts', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `parts:${node.module.key}`;
        item.description = partsDescription(node.module);
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        return item;
      }
      case 'part': {
        const rollup = node.module.parts[node.part];
        const item = new vscode.TreeItem(
          PART_LABELS[node.part].replace(/^./, (letter) => letter.toUpperCase()),
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `part:${node.module.key}:${node.part}`;
        item.description = coverageText(rollup);
        item.iconPath = coverageIcon(rollup.coverage);
        return item;
      }
      case 'reviews': {
        const item = new vscode.TreeItem(
          'Reviews',
          node.module.reviews.outstanding > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `reviews:${node.module.key}`;
        item.description = reviewsText(node.module.reviews);
        item.iconPath = new vscode.ThemeIcon(node.module.reviews.overdue > 0 ? 'bell-dot' : 'comment-discussion');
        return item;
      }
      case 'review': {
        const item = new vscode.TreeItem(`${node.review.label}: ${node.page.title}`, vscode.TreeItemCollapsibleState.None);
        item.description = openReviewDescription(node.review);
        item.tooltip = `${node.page.path}${node.review.reviewer ? ` — ${node.review.reviewer}` : ''}`;
        item.iconPath = new vscode.ThemeIcon(node.review.overdue ? 'bell-dot' : 'person');
        if (node.uri) item.command = { command: COMMANDS.queueOpen.id, title: 'Open Lesson', arguments: [node.uri] };
        return item;
      }
      case 'page': {
        const item = new vscode.TreeItem(node.page.title, vscode.TreeItemCollapsibleState.None);
        item.id = `page:${node.page.path}`;
        item.description = pageDescription(node.page);
        item.tooltip = pageTooltip(node.page);
        item.iconPath = pageIcon(node.page.type);
        item.resourceUri = node.uri;
        item.contextValue = 'outlinePage';
        if (node.uri) item.command = { command: 'vscode.open', title: 'Open Page', arguments: [node.uri] };
        return item;
      }
    }
  }
}

/**
 * A table of contents makes a course of the folder it is in; the modules no table of contents
 * names are their workspace folder's course. One course: its modules are the top level.
 */
function coursesOf(modules: ModuleNode[], uriOf: (path: string) => vscode.Uri | undefined): OutlineNode[] {
  const courses = new Map<string, { title: string; modules: ModuleNode[] }>();
  for (const node of modules) {
    const { title, key } = courseOf(node, uriOf);
    const course = courses.get(key) ?? { title, modules: [] };
    course.modules.push(node);
    courses.set(key, course);
  }
  if (courses.size <= 1) return modules;
  return [...courses.values()].map(({ title, modules: members }) => ({ kind: 'course', title, modules: members }));
}

function courseOf(node: ModuleNode, uriOf: (path: string) => vscode.Uri | undefined): { key: string; title: string } {
  const first = node.module.pages[0];
  const page = first && uriOf(first.path);
  const folder = page && vscode.workspace.getWorkspaceFolder(page);
  const source = node.module.source;
  if (source.kind === 'table-of-contents' && page) {
    const root = source.file.slice(0, source.file.lastIndexOf('/'));
    const shown = vscode.workspace.asRelativePath(page.with({ path: root }), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    return { key: `toc:${root}`, title: shown && shown !== root ? shown : (folder?.name ?? root.slice(root.lastIndexOf('/') + 1)) };
  }
  return { key: `folder:${folder?.uri.toString() ?? ''}`, title: folder?.name ?? 'Other pages' };
}
