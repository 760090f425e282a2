import type { CommandName } from '../common';
import { HISTORY_SUMMARY, HISTORY_USAGE } from './history';
import { LINT_SUMMARY, LINT_USAGE } from './lint';
import { OUTLINE_SUMMARY, OUTLINE_USAGE } from './outline';
import { QUEUE_SUMMARY, QUEUE_USAGE } from './queue';
import { REPORT_SUMMARY, REPORT_USAGE } from './report';
import { REVIEW_SUMMARY, REVIEW_USAGE } from './review';
import { VERIFY_SUMMARY, VERIFY_USAGE } from './verify';

const COMMANDS: Record<CommandName, { synopsis: string; summary: string; usage: string }> = {
  lint: { synopsis: 'lint [paths or globs…] [options]', summary: LINT_SUMMARY, usage: LINT_USAGE },
  review: { synopsis: 'review ACTION --role ROLE [options] FILE…', summary: REVIEW_SUMMARY, usage: REVIEW_USAGE },
  queue: { synopsis: 'queue [paths or globs…] [options]', summary: QUEUE_SUMMARY, usage: QUEUE_USAGE },
  outline: { synopsis: 'outline [paths or globs…] [options]', summary: OUTLINE_SUMMARY, usage: OUTLINE_USAGE },
  report: { synopsis: 'report [paths or globs…] [options]', summary: REPORT_SUMMARY, usage: REPORT_USAGE },
  history: { synopsis: 'history [--format text|json] FILE…', summary: HISTORY_SUMMARY, usage: HISTORY_USAGE },
  verify: { synopsis: 'verify [paths or globs…] [options]', summary: VERIFY_SUMMARY, usage: VERIFY_USAGE },
};

/** "lint, review, queue, outline or report": for a message about a command that is not one of them. */
export function commandNames(): string {
  const names = Object.keys(COMMANDS);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** One command's help: its usage, options and exit codes. */
export function commandHelp(command: CommandName): string {
  return COMMANDS[command].usage;
}

/** `course-review --help`: each command in two lines, and where to read more. */
export function overview(): string {
  const commands = Object.values(COMMANDS).map(({ synopsis, summary }) => `  course-review ${synopsis}\n      ${summary}`);
  return `Usage: course-review COMMAND [options]

Course Review checks Markdown lessons for instructional-design problems, and keeps
their review sign-offs in each lesson's YAML front matter.

Commands:
${commands.join('\n')}

Run course-review COMMAND --help (or -h) for a command's options and exit codes,
e.g. course-review review --help; course-review --version shows the version.
`;
}
