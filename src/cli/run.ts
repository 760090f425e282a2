import { EXIT, usageError, type CliIO } from './common';
import { history } from './history';
import { lint } from './lint';
import { outline } from './outline';
import { report } from './report';
import { queue } from './queue';
import { review } from './review';
import { verify } from './verify';
import { commandHelp, commandNames, isCommandName, overview } from './usage';

export async function run(argv: readonly string[], io: CliIO, version = '0.0.0'): Promise<number> {
  const [first, ...rest] = argv;
  if (first === 'review') return review(rest, io);
  if (first === 'queue') return queue(rest, io);
  if (first === 'outline') return outline(rest, io);
  if (first === 'report') return report(rest, io);
  if (first === 'history') return history(rest, io);
  if (first === 'verify') return verify(rest, io);
  if (first === 'help') return help(rest, io);
  return lint(argv, io, version);
}

/** `course-review help [COMMAND]`, for those who type it rather than --help. */
function help(argv: readonly string[], io: CliIO): number {
  const [command, ...extra] = argv;
  if (command === undefined) {
    io.stdout(overview());
    return EXIT.ok;
  }
  if (!isCommandName(command) || extra.length > 0)
    return usageError(io, `Unknown command "${argv.join(' ')}", expected ${commandNames()}.`, undefined);
  io.stdout(commandHelp(command));
  return EXIT.ok;
}
