import assert from 'node:assert/strict';
import { useCliFolder } from './helpers/cliFolder';

const COMMANDS = ['lint', 'review', 'queue', 'outline', 'report', 'history', 'verify'] as const;
/** A line that only one command's help has. */
const OWN_LINE: Record<(typeof COMMANDS)[number], RegExp> = {
  lint: /--max-warnings N/,
  review: /--reassign/,
  queue: /--overdue/,
  outline: /--format table\|json\|md /,
  report: /--format html\|md\|json /,
  history: /^Lists, oldest first, each commit/m,
  verify: /--signed /,
};

describe('cli help', () => {
  const { write, cli } = useCliFolder('course-review-cli-help-');

  describe('a usage error prints the message and one line pointing to the help', () => {
    it('a mistyped path: course-review lint nosuch.md', async () => {
      const result = await cli('lint', 'nosuch.md');
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.equal(
        result.stderr,
        'course-review: No such file, folder or matching glob: nosuch.md\nRun course-review lint --help for usage.\n',
      );
    });

    const errors: Array<[string, string[], string]> = [
      ['lint', ['lint', '--format', 'xml'], 'Unknown format "xml", expected text, json or sarif.'],
      ['lint', ['lint', '--format', 'constructor'], 'Unknown format "constructor", expected text, json or sarif.'],
      [
        'review',
        ['review', 'toString'],
        'Unknown review action "toString", expected approve, request-changes, request, waive or withdraw.',
      ],
      ['queue', ['queue', '--format', 'constructor'], 'Unknown format "constructor", expected table, json, csv or md.'],
      ['lint', ['lint', '--fast'], "Unknown option '--fast'"],
      ['lint', ['lint', '--today', 'tomorrow'], 'Unexpected --today "tomorrow", expected a date as YYYY-MM-DD.'],
      ['review', ['review', 'sign'], 'Unknown review action "sign", expected approve, request-changes, request, waive or withdraw.'],
      [
        'review',
        ['review', 'approve', '--role', 'sme', 'nosuch.md'],
        'Expected lesson files, but these are missing or not files: nosuch.md',
      ],
      ['queue', ['queue', 'nosuch'], 'No such file, folder or matching glob: nosuch'],
      ['queue', ['queue', '--format', 'yaml'], 'Unknown format "yaml", expected table, json, csv or md.'],
    ];
    for (const [command, argv, message] of errors) {
      it(`course-review ${argv.join(' ')}`, async () => {
        write('refunds.md', '# Refunds\n');
        const result = await cli(...argv);
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        const [first, second, ...rest] = result.stderr.split('\n');
        assert.ok(first.startsWith(`course-review: ${message}`), first);
        assert.equal(second, `Run course-review ${command} --help for usage.`);
        assert.deepEqual(rest, ['']);
      });
    }

    it('an unknown command points to the overview', async () => {
      const result = await cli('chek', 'refunds.md');
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        'course-review: Unknown command "chek", expected lint, review, queue, outline, report, history or verify.\nRun course-review --help for usage.\n',
      );
    });
  });

  describe('--help', () => {
    for (const command of COMMANDS) {
      it(`course-review ${command} --help (and -h, and help ${command}) prints ${command}'s help only`, async () => {
        const help = await cli(command, '--help');
        assert.equal(help.code, 0);
        assert.equal(help.stderr, '');
        assert.match(help.stdout, new RegExp(`^Usage: course-review ${command} `));
        assert.match(help.stdout, OWN_LINE[command]);
        assert.match(help.stdout, /\nExit codes: 0 /);
        for (const other of COMMANDS.filter((name) => name !== command))
          assert.doesNotMatch(help.stdout, OWN_LINE[other], `${other}'s options in ${command}'s help`);
        assert.equal((await cli(command, '-h')).stdout, help.stdout);
        assert.equal((await cli('help', command)).stdout, help.stdout);
      });
    }

    it('course-review --help is a short overview: every command, its synopsis and summary, and where to read more', async () => {
      const overview = await cli('--help');
      assert.equal(overview.code, 0);
      const lines = overview.stdout.trimEnd().split('\n');
      assert.ok(lines.length <= 25, `${lines.length} lines`);
      for (const command of COMMANDS) {
        const at = lines.findIndex((line) => line.startsWith(`  course-review ${command} `));
        assert.ok(at >= 0, command);
        assert.match(lines[at + 1], /^ {6}[A-Z].+\.$/, `${command}'s summary`);
        assert.doesNotMatch(overview.stdout, OWN_LINE[command]);
      }
      assert.match(overview.stdout, /Run course-review COMMAND --help/);
      assert.equal((await cli('help')).stdout, overview.stdout);
      assert.equal((await cli('-h')).stdout, overview.stdout);
    });

    it('help with an unknown command is a usage error', async () => {
      const result = await cli('help', 'lnt');
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        'course-review: Unknown command "lnt", expected lint, review, queue, outline, report, history or verify.\nRun course-review --help for usage.\n',
      );
    });
  });
});
