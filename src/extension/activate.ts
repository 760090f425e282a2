import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCreateConfig } from './commands/createConfig';
import { registerLintWorkspace } from './commands/lintWorkspace';
import { registerOpenRuleDoc } from './commands/openRuleDoc';
import { ConfigService, type LocalReader } from './config';
import { CourseModel } from './course/courseModel';
import { ModuleFindings } from './course/moduleFindings';
import { registerFixAll } from './fixAll';
import type { LintRunner } from './lint/runner';
import { LessonLinter } from './linter';
import { CourseOutline } from './outline/view';
import type { LocalLessonReader } from './queue/read';
import { TriggerStore } from './queue/triggerStore';
import { ReviewQueue } from './queue/view';
import { ReviewCodeLensProvider } from './review/codeLens';
import { registerReviewCommands } from './review/commands';
import { IdentityResolver } from './review/identity';
import { ReviewStates } from './review/states';
import { ReviewStatusBar } from './review/statusBar';
import { FindingsStatusBar } from './statusBar';
import type { Identity } from '../core';

/** What the extension hands to other extensions and to its integration tests. */
export interface CourseReviewApi {
  linter: LessonLinter;
  queue: ReviewQueue;
  outline: CourseOutline;
  findingsStatusBar: FindingsStatusBar;
}

/** What differs between the desktop (Node) extension host and the browser's web worker host. */
export interface Platform {
  /** Where the checks run. */
  lint: LintRunner;
  /** Node's file system for local files, on the desktop. */
  local?: { readConfig: LocalReader; readLesson: LocalLessonReader };
  /** git's identity, on the desktop. */
  gitIdentity?(folder: string | undefined): Promise<Identity | undefined>;
}

/** The features both hosts have; the desktop entry adds those that need git or Node. */
export interface Features extends CourseReviewApi {
  configs: ConfigService;
  reviews: ReviewStates;
}

/**
 * Wiring only: no workspace scan here; open lessons are linted as they are seen, the queue and the outline read the workspace when first
 * shown.
 */
export function registerFeatures(context: vscode.ExtensionContext, platform: Platform): Features {
  const client = platform.lint;
  const configs = new ConfigService(platform.local?.readConfig);
  const course = new CourseModel(configs);
  const modules = new ModuleFindings(course, client, configs);
  const linter = new LessonLinter(configs, client, course, modules);
  const reviews = new ReviewStates(linter, configs);
  const identity = new IdentityResolver(context.globalState, platform.gitIdentity);
  const queue = new ReviewQueue(
    configs,
    identity,
    context.workspaceState,
    client,
    platform.local?.readLesson,
    new TriggerStore(context.storageUri),
  );
  const outline = new CourseOutline(course, client, configs, modules, linter);
  const findingsStatusBar = new FindingsStatusBar(linter);
  context.subscriptions.push(
    { dispose: () => client.dispose() },
    configs,
    course,
    modules,
    linter,
    reviews,
    findingsStatusBar,
    new ReviewStatusBar(reviews),
    new ReviewCodeLensProvider(reviews),
    registerReviewCommands({ reviews, identity }),
    registerCreateConfig(),
    queue,
    outline,
    registerCodeActions(linter),
    registerFixAll(configs, client),
    registerLintWorkspace(linter, configs),
    registerOpenRuleDoc(context.extensionUri),
  );
  return { linter, queue, outline, findingsStatusBar, configs, reviews };
}
