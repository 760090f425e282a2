import * as vscode from 'vscode';
import { COMMANDS } from '../commands/ids';
import { Disposable } from '../disposable';
import { reviewSummary, stateDetail } from './labels';
import type { ReviewStates } from './states';

/** The active lesson's reviews at a glance ("$(checklist) 1/3 reviews"); a click offers the actions. */
export class ReviewStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('courseReview.reviews', vscode.StatusBarAlignment.Left, 49));
  private readonly reviews: ReviewStates;

  constructor(reviews: ReviewStates) {
    super();
    this.reviews = reviews;
    this.item.name = 'Course Review: reviews';
    this.item.command = COMMANDS.reviewActions.id;
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(
      reviews.onDidChange((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.update()),
    );
    this.update();
  }

  private update() {
    const document = vscode.window.activeTextEditor?.document;
    const review = document && this.reviews.forDocument(document);
    if (!review) {
      this.item.hide();
      return;
    }
    if (!review.readable) {
      this.item.text = '$(warning) Reviews unreadable';
      this.item.tooltip = 'Course Review: the front matter does not parse, so reviews can be neither read nor signed. Fix it first.';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const summary = reviewSummary(review.states);
      this.item.text = summary.text;
      this.item.tooltip = ['Course Review: reviews of this lesson', ...review.states.map(stateDetail), 'Click for review actions.'].join(
        '\n',
      );
      this.item.backgroundColor = summary.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.accessibilityInformation = { label: typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.text };
    this.item.show();
  }
}
