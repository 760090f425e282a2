import * as vscode from 'vscode';
import { lessonReviewStates, parseLesson, reviewsReadable, type ResolvedConfig, type RoleState } from '../../core';
import type { ConfigService } from '../config';
import { Disposable } from '../disposable';
import type { LessonLinter } from '../linter';
import { localToday } from './today';

export interface LessonReview {
  document: vscode.TextDocument;
  config: ResolvedConfig;
  /** False when the front matter does not parse: then nothing can be read or signed. */
  readable: boolean;
  states: RoleState[];
}

/**
 * Each open lesson's reviews, as the CodeLens, the status bar and the commands show them. Uses the
 * linter's parse and findings for the current version (findings decide which triggered roles are
 * required); a version the linter has not seen yet (run on save) is parsed here.
 */
export class ReviewStates extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly linter: LessonLinter;
  private readonly configs: ConfigService;

  constructor(linter: LessonLinter, configs: ConfigService) {
    super();
    this.linter = linter;
    this.configs = configs;
    this.register(linter.onDidLint(({ uri }) => this.changed.fire(uri)));
  }

  forDocument(document: vscode.TextDocument): LessonReview | undefined {
    if (!this.configs.isLesson(document)) return undefined;
    const config = this.configs.forDocument(document.uri);
    if (!config.ok) return undefined;
    const snapshot = this.linter.snapshot(document.uri);
    const current = snapshot?.doc && snapshot.version === document.version ? snapshot.doc : undefined;
    const doc = current ?? parseLesson(document.getText(), { maxLength: config.config.maxLessonSize });
    const readable = reviewsReadable(doc);
    const states = lessonReviewStates(doc, { today: localToday(), roles: config.config.roles }, snapshot?.findings ?? []);
    return { document, config: config.config, readable, states };
  }

  /** A review was written: show it now, before the next lint. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
}
