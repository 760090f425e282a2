import * as vscode from 'vscode';
import {
  ANSWER_GLOBS,
  answersByFolder,
  buildCourse,
  configuredPageType,
  readToc,
  relativeInside,
  TOC_FILES,
  type Course,
  type CourseModule,
  type CourseToc,
  type PageHints,
} from '../../core';
import type { ConfigService } from '../config';
import { Disposable } from '../disposable';
import { LESSON_GLOB, pathOf } from '../lessonFiles';

/** The tables of contents a course may have; a function, so that loading the extension does not load the core. */
const tocGlob = () => `**/{${Object.keys(TOC_FILES).join(',')}}`;
/** File events come in bursts (a checkout, a rename of a folder): the course is rebuilt once they settle. */
const SETTLE_MS = 300;
/** Answer files are looked for to tell that a page's practice has its answer beside it; a workspace with more is not searched further. */
const MAX_ANSWER_FILES = 10_000;

/**
 * The workspace's courses: its tables of contents and lesson files, as modules of pages. Built the
 * first time a lesson needs it (a file listing and the tables of contents, no lesson is read), and
 * again after lessons or tables of contents change.
 */
export class CourseModel extends Disposable {
  private built: Promise<Course> | undefined;
  private builds = 0;
  /** The number of the build `current` comes from. */
  private shown = 0;
  private current: Course | undefined;
  /** For each folder with an answer beside its pages (`solution.js`, `solutions/`), the answer's name. */
  private answers = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the course was rebuilt: modules and page types may differ. */
  readonly onDidChange = this.changed.event;

  private watching = false;

  constructor(private readonly configs: ConfigService) {
    super();
    this.register(configs.onDidChange(() => this.invalidate()));
    this.register({ dispose: () => this.timer && clearTimeout(this.timer) });
  }

  /** From the first build on, files that change the course make it stale. */
  private watch() {
    if (this.watching) return;
    this.watching = true;
    const toc = tocGlob();
    // A lesson's or an answer's content does not change the course; a table of contents' does.
    for (const glob of [LESSON_GLOB, toc, ...ANSWER_GLOBS]) {
      const watcher = this.register(vscode.workspace.createFileSystemWatcher(glob, false, glob !== toc, false));
      const stale = () => this.invalidate();
      this.register(watcher.onDidCreate(stale));
      this.register(watcher.onDidDelete(stale));
      if (glob === toc) this.register(watcher.onDidChange(stale));
    }
    // A folder deleted or moved (a git checkout, a rename in the Explorer) may arrive as one event
    // for the folder, which the globs above do not match.
    const folders = this.register(vscode.workspace.createFileSystemWatcher('**', false, true, false));
    this.register(folders.onDidDelete((uri) => this.holdsPages(uri) && this.invalidate()));
    this.register(folders.onDidCreate((uri) => void this.isFolder(uri).then((folder) => folder && this.invalidate())));
  }

  /** The course as last built; undefined before the first build finished. */
  get course(): Course | undefined {
    return this.current;
  }

  ensure(): Promise<Course> {
    if (!this.built) {
      const number = ++this.builds;
      this.built = this.build().then((course) => {
        // Builds may finish out of order: the newest one started wins.
        if (number > this.shown) {
          this.shown = number;
          this.current = course;
          this.changed.fire();
        }
        return course;
      });
    }
    return this.built;
  }

  moduleOf(uri: vscode.Uri): CourseModule | undefined {
    return this.current?.page(uri.path)?.module;
  }

  /** What the course says of the page, for the checks: its place, its table of contents entry, `pageTypes`. */
  hints(uri: vscode.Uri): PageHints {
    const page = this.current?.page(uri.path);
    const config = vscode.workspace.getWorkspaceFolder(uri) ? this.configs.forDocument(uri) : undefined;
    const configType = config?.ok
      ? configuredPageType(config.config, relativeInside(config.config.baseDir, pathOf(uri)) ?? pathOf(uri))
      : undefined;
    const tocFile = page?.module.source.kind === 'table-of-contents' ? page.module.source.file : undefined;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const solutionNearby = this.answers.get(uri.path.slice(0, uri.path.lastIndexOf('/')));
    return {
      path: uri.path,
      tocTitle: page?.tocTitle,
      tocType: page?.tocType,
      ...(tocFile && { tocFile: tocFile.slice(tocFile.lastIndexOf('/') + 1) }),
      ...(configType && { configType }),
      ...(page?.checkedBy && { checkedBy: page.checkedBy }),
      ...(solutionNearby && solutionNearby !== name && { solutionNearby }),
    };
  }

  private holdsPages(uri: vscode.Uri): boolean {
    const prefix = `${uri.path}/`;
    return this.current?.modules.some((module) => module.pages.some((page) => page.startsWith(prefix))) ?? false;
  }

  private async isFolder(uri: vscode.Uri): Promise<boolean> {
    try {
      return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
    } catch {
      return false;
    }
  }

  /** Whoever asks next gets a fresh build; the others hear of it once the burst of events has settled. */
  private invalidate() {
    const wasBuilt = this.built !== undefined;
    this.built = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (wasBuilt || this.current) void this.ensure();
    }, SETTLE_MS);
  }

  /** The course, built again now if it does not know this lesson yet (its file event may still be on its way). */
  async ensureKnows(uri: vscode.Uri): Promise<Course> {
    const course = await this.ensure();
    if (course.page(uri.path) || !this.configs.isLessonFile(uri)) return course;
    this.built = undefined;
    return this.ensure();
  }

  private async build(): Promise<Course> {
    this.watch();
    const [lessons, tocFiles, ...answerFiles] = await Promise.all([
      vscode.workspace.findFiles(LESSON_GLOB),
      vscode.workspace.findFiles(tocGlob(), '**/node_modules/**'),
      ...ANSWER_GLOBS.map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**', MAX_ANSWER_FILES)),
    ]);
    this.answers = answersByFolder(answerFiles.flat().map((uri) => uri.path));
    const tocs: CourseToc[] = [];
    for (const uri of tocFiles) {
      const read = readToc(uri.path, await readText(uri));
      if (read.kind === 'toc') tocs.push(read.toc);
    }
    return buildCourse(
      lessons.filter((uri) => this.configs.isLessonFile(uri)).map((uri) => uri.path),
      tocs,
    );
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}
