import * as vscode from 'vscode';
import { LESSON_SELECTOR } from '../lessonFiles';
import { COMMANDS } from '../commands/ids';
import { Disposable } from '../disposable';
import { lensTitle, stateDetail } from './labels';
import type { ReviewStates } from './states';

const TOP = new vscode.Range(0, 0, 0, 0);

/** One lens per review role over the front matter; a click offers that role's actions. */
export class ReviewCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly reviews: ReviewStates;

  constructor(reviews: ReviewStates) {
    super();
    this.reviews = reviews;
    this.register(reviews.onDidChange(() => this.changed.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('courseReview.codeLens') && this.changed.fire()),
    );
    this.register(vscode.languages.registerCodeLensProvider(LESSON_SELECTOR, this));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('courseReview', document.uri).get<boolean>('codeLens', true)) return [];
    const review = this.reviews.forDocument(document);
    if (!review) return [];
    if (!review.readable)
      return [new vscode.CodeLens(TOP, { title: 'Reviews ⚠ the front matter does not parse: fix it to see or sign reviews', command: '' })];
    return review.states.map(
      (state) =>
        new vscode.CodeLens(TOP, {
          title: lensTitle(state),
          tooltip: `${stateDetail(state)}\nClick for ${state.role.label} review actions.`,
          command: COMMANDS.reviewActions.id,
          arguments: [{ uri: document.uri, role: state.role.name }],
        }),
    );
  }
}
