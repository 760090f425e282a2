import * as vscode from 'vscode';
import { reviewOfText, type ResolvedConfig, type RoleState } from '../../core';
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
 * Each open lesson's reviews, as the CodeLens, the status bar and the commands show them: read from
 * the front matter of the current text (the body is only hashed), with the latest findings deciding
 * which triggered roles are required.
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
    const findings = this.linter.snapshot(document.uri)?.findings ?? [];
    const { readable, states } = reviewOfText(document.getText(), { today: localToday(), roles: config.config.roles }, findings);
    return { document, config: config.config, readable, states };
  }

  /** A review was written: show it now, before the next lint. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
}
