import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from '../../src/cli/run';
import { FIXTURES } from './helpers/fixtures';
import { readLabels, scoreDefects, type FindingRow, type Score } from './helpers/labelledDefects';

/**
 * Workplace lessons (compliance, safety, sales, customer service, software rollouts, onboarding, HR)
 * whose defects a reviewer labelled, one label per instance: see helpers/labelledDefects.ts. The
 * rules were tuned on `tuning`, then on the two second-round sets and `held-out-e`; `held-out` was
 * measured without its details being read; `held-out-f` to `held-out-i` were each measured once
 * unread (bench/defects.ts: what a new team's drafts would see), then their misses and false alarms
 * were read to find the classes the rules did not generalise to; `held-out-j` was read after its
 * first measure, `held-out-m` after its first (2026-12-06), `held-out-n` after its second and `held-out-o` after its first
 * (2026-12-06, with the opening read by its structure), `held-out-p` after its third, `held-out-q` after its second (2026-12-06,
 * 75% found and 6 false alarms at its first), `held-out-r` after its first (2026-12-06, 83% found and 12 false alarms; its false
 * alarms read, not its misses, then its misses in the session that followed), `held-out-s` after its first (76% found, 10 false
 * alarms), `held-out-t` and `held-out-u` after their first (2026-12-06: 82%, 10 and 78%, 3), `held-out-v` and `held-out-w` after
 * their first (2026-12-06: 84%, 6 and 77%, 4), `held-out-x` and `held-out-y` after their first (82%, 5 and 74%, 15);
 * `held-out-z` after its first (77%, 5; 2026-12-06, sixth session); `held-out-k`, `held-out-l`, `held-out-aa` (82%, 5 at
 * its first, 2026-12-06), `held-out-ab` (79%, 10) and `held-out-ac` (88%, 8, both first measured on 2026-12-06, sixth session),
 * `held-out-ae` (85%, 1, written in the sixth session and first measured at 404c590), `held-out-ah` (92%, 8)
 * and `held-out-ai` (84%, 7, both first measured at the end of the seventh session) have been measured only, never read, except the
 * false alarms of `held-out-ab` and `held-out-ah` (read in the eighth session), and so have `held-out-al` (87%, 5) and `held-out-am`
 * (82%, 7), written in the eighth session and first measured after all its rounds (their false alarms then read);
 * `held-out-ad` (83%, 12 at its first) and `held-out-af` (80%, 7 at its first) were read in the seventh session; `held-out-ag` (77%,
 * 6 at its first) in the eighth, then `held-out-ak` (80%, 9 at its first, its false alarms first) and `held-out-aj` (83%, 5), both
 * written in the eighth session and first measured after the round on `held-out-ag`. `held-out-an` (79%, 7) and `held-out-ao`
 * (88%, 12), written in the ninth session, were measured once with the rules of 35c18e9, and `held-out-ao` was then read, its
 * false alarms first; `held-out-ap` (87%, 6) and `held-out-aq` (89%, 10) were written in the ninth session after its rounds and
 * measured once, then their false alarms read in the tenth; `held-out-ar` (83%, 6), written in the tenth session, was measured
 * once and then read, and `held-out-as` (86%, 2), written with it, was measured once after that round, never read; `held-out-at`
 * (82%, 7) and `held-out-au` (82%, 7), written later in the tenth session, were measured once after all its rounds, and their
 * sensory misses read in the eleventh. `held-out-av` (84%, 13) and `held-out-aw` (73%, 15), written in the eleventh session to a
 * brief rewritten from scratch, were measured once with the session's starting rules, then their false alarms read; so were
 * `held-out-ax` (77%, 23) and `held-out-ay` (79%, 24), written after the round on `av` and `aw` (78%, 24 and 79%, 29 with it).
 * `held-out-az` (79%, 26) and `held-out-ba` (80%, 25 with the session's starting rules; 79%, 19 and 81%, 22 with those of
 * 3cff397, when they came in), written later in the eleventh session to the same brief, have been measured only, never read;
 * so have `held-out-bb` (74%, 29) and `held-out-bc` (82%, 31 with the session's starting rules), written during its claims round,
 * and `held-out-be` (78%, 19; 80%, 15 with the rules of 1b8ab04), written after it; `held-out-bd` (84%, 14; 85%, 19 with the rules
 * of 1b8ab04) was measured so and then its sensory false alarms read ("red cells", cards whose letter is printed).
 * In the twelfth session (2026-12-07) the false alarms of `az`, `ba`, `bb`, `bc` and `be` were read. `held-out-bf` (83%, 15) and
 * `held-out-bg` (90%, 27), written to the same brief, were measured with the session's starting rules (8630af6), then read, misses
 * and false alarms; `held-out-bh` (82%, 23) and `held-out-bi` (85%, 36) were measured so, and their false alarms read later in the
 * session; `held-out-bj` (82%, 15) and `held-out-bk` (79%, 26), written mid-session and measured with the starting rules, have
 * never been read. In the thirteenth session (2026-12-07) `held-out-bl` (85%, 14), `held-out-bm` (84%, 11), `held-out-bn` (79%, 18)
 * and `held-out-bo` (78%, 21) were written to the same brief and measured with the session's starting rules (4d4ad21); `bj`, `bk`,
 * `bl` and `bm` were then read, and `bn` and `bo` kept unread. In the fourteenth session `held-out-bp` (90%, 9, with the
 * session's starting rules and its final ones alike) was written by two writers to the brief kept in docs/labelled-sets.md, and
 * kept unread. In the fifteenth session `bn` and `bo` were read (their false alarms), and `held-out-bq` (81%, 18, with the session's
 * starting rules and its final ones alike) was written so and kept unread.
 * Each set's known misses are listed, so that a fix or a regression shows.
 */
const CORPORATE = join(FIXTURES, 'corporate');

async function score(set: string): Promise<Score> {
  const root = join(CORPORATE, set);
  let out = '';
  let err = '';
  const code = await run(
    ['lint', '.', '--format', 'json', '--today', '2026-12-04'],
    { cwd: root, stdout: (text) => (out += text), stderr: (text) => (err += text) },
    '0.0.0',
  );
  assert.ok(code < 2, `lint failed: ${err}`);
  const rows = (JSON.parse(out) as FindingRow[]).map((row) => ({ ...row, file: relative(root, join(root, row.file)) }));
  return scoreDefects(root, readLabels(root), rows);
}

const describeMisses = (result: Score) => result.misses.map((miss) => `${miss.file} ${miss.rule}`).sort();
const describeAlarms = (result: Score) => result.falseAlarms.map((alarm) => `${alarm.file}:${alarm.line} ${alarm.ruleId}`).sort();

describe('labelled corporate lessons', function () {
  this.timeout(60_000);

  it('tuning set: every labelled defect is found, and nothing else is flagged', async () => {
    const result = await score('tuning');
    assert.deepEqual(describeMisses(result), []);
    assert.deepEqual(describeAlarms(result), []);
    assert.equal(result.labelled, 92);
  });

  it('second round: at least 90% found, at most 2 false alarms per set of 20', async () => {
    for (const set of ['second-round-b', 'second-round-c', 'held-out-e']) {
      const result = await score(set);
      assert.ok(
        result.found / result.labelled >= 0.9,
        `${set}: ${result.found} of ${result.labelled} found; missed ${describeMisses(result).join(', ')}`,
      );
      assert.ok(result.falseAlarms.length <= 2, `${set}: false alarms ${describeAlarms(result).join(', ')}`);
    }
  });

  // Floors at today's figures (found, false alarms), so that a regression shows and an improvement passes.
  const floors: Record<string, [number, number]> = {
    'held-out': [63, 2],
    'held-out-f': [71, 3],
    'held-out-g': [68, 1],
    'held-out-h': [117, 1],
    'held-out-i': [126, 0],
    'held-out-j': [79, 4],
    'held-out-k': [115, 6],
    'held-out-l': [119, 6],
    'held-out-m': [120, 6],
    'held-out-n': [112, 0],
    'held-out-o': [122, 3],
    'held-out-p': [119, 3],
    'held-out-q': [135, 2],
    'held-out-r': [137, 2],
    'held-out-s': [139, 4],
    'held-out-t': [144, 1],
    'held-out-u': [130, 0],
    'held-out-v': [139, 3],
    'held-out-w': [130, 1],
    'held-out-x': [127, 1],
    'held-out-y': [128, 7],
    'held-out-aa': [135, 1],
    'held-out-z': [133, 3],
    'held-out-ab': [123, 4],
    'held-out-ac': [133, 3],
    'held-out-ad': [136, 5],
    'held-out-ae': [132, 1],
    'held-out-af': [136, 2],
    'held-out-ag': [133, 2],
    'held-out-ah': [131, 0],
    'held-out-ai': [129, 4],
    'held-out-aj': [145, 2],
    'held-out-ak': [134, 2],
    'held-out-al': [131, 0],
    'held-out-am': [123, 3],
    'held-out-an': [121, 7],
    'held-out-ao': [138, 1],
    'held-out-ap': [128, 2],
    'held-out-aq': [128, 1],
    'held-out-ar': [130, 1],
    'held-out-as': [128, 1],
    'held-out-at': [124, 5],
    'held-out-au': [122, 5],
    'held-out-av': [119, 7],
    'held-out-aw': [122, 4],
    'held-out-ax': [108, 8],
    'held-out-ay': [112, 8],
    'held-out-az': [98, 3],
    'held-out-ba': [110, 2],
    'held-out-bb': [105, 13],
    'held-out-bc': [110, 10],
    'held-out-bd': [112, 8],
    'held-out-be': [98, 3],
    'held-out-bf': [131, 5],
    'held-out-bg': [118, 4],
    'held-out-bh': [111, 16],
    'held-out-bi': [114, 7],
    'held-out-bj': [119, 5],
    'held-out-bk': [124, 12],
    'held-out-bl': [111, 7],
    'held-out-bm': [132, 7],
    'held-out-bn': [115, 10],
    'held-out-bo': [107, 14],
    'held-out-bp': [99, 9],
    'held-out-bq': [105, 18],
  };
  for (const [set, [found, alarms]] of Object.entries(floors)) {
    it(`${set}, first measured unread: what it finds and flags now, at least`, async () => {
      const result = await score(set);
      assert.ok(
        result.found >= found,
        `${set}: ${result.found} of ${result.labelled} found (was ${found}); missed ${describeMisses(result).join(', ')}`,
      );
      assert.ok(
        result.falseAlarms.length <= alarms,
        `${set}: ${result.falseAlarms.length} false alarms (was ${alarms}): ${describeAlarms(result).join(', ')}`,
      );
    });
  }

  it('scoring: a missing part is found by lesson whatever its quote, and an alt text that says nothing is an image-alt-text defect', () => {
    const root = join(CORPORATE, 'held-out-i');
    const labels = readLabels(root).filter((label) => label.file === 'compliance/insider-information.md');
    const hook = labels[0].defects.find((defect) => defect.rule === 'hook-present');
    assert.ok(hook?.quote, 'this labeller quoted the title for a missing part');
    const lines = labels[0].defects.filter((defect) => defect.rule === 'hook-present').length;
    const findings: FindingRow[] = [
      { file: 'compliance/insider-information.md', ruleId: 'hook-present', line: 11, message: 'No hook in the opening' },
    ];
    const result = scoreDefects(root, labels, findings);
    assert.equal(result.byRule.get('hook-present')?.found, lines);
    assert.deepEqual(describeAlarms(result), []);

    const images = readLabels(root).filter((label) => label.file === 'hr/flexible-working-requests.md');
    const alt = images[0].defects.find((defect) => defect.rule === 'image-alt-text')!;
    const altLine =
      readFileSync(join(root, 'hr/flexible-working-requests.md'), 'utf8')
        .split('\n')
        .findIndex((line) => line.includes(alt.quote!)) + 1;
    const quality = scoreDefects(root, images, [
      { file: 'hr/flexible-working-requests.md', ruleId: 'alt-text-quality', line: altLine, message: 'Unexpected alt text "Picture"' },
    ]);
    assert.equal(quality.byRule.get('image-alt-text')?.found, 1);
    assert.deepEqual(describeAlarms(quality), []);
  });

  it('scoring: a finding of a labelled kind that matches no label is a false alarm, a label without a finding a miss', () => {
    const root = join(CORPORATE, 'tuning');
    const labels = readLabels(root).filter(
      (label) => label.file === 'safety/safe-lifting.md' || label.file === 'customer-service/returns-and-refunds.md',
    );
    const rmaLabel = labels
      .find((label) => label.file === 'customer-service/returns-and-refunds.md')!
      .defects.filter((defect) => defect.rule === 'acronym-defined');
    assert.equal(rmaLabel.length, 1);
    const findings: FindingRow[] = [
      { file: 'safety/safe-lifting.md', ruleId: 'claim-absolute', line: 3, message: 'Unexpected absolute claim "x"' },
      {
        file: 'customer-service/returns-and-refunds.md',
        ruleId: 'acronym-defined',
        line: 25,
        message: 'Unexpected acronym "RMA" that the lesson never spells out',
      },
    ];
    const result = scoreDefects(root, labels, findings);
    assert.deepEqual(describeAlarms(result), ['safety/safe-lifting.md:3 claim-absolute']);
    assert.equal(result.found, 1, 'the acronym is found by its name, wherever the lesson first shows it');
    assert.equal(result.misses.length, result.labelled - 1);
  });

  it("scoring: a practice item's feedback is found at the heading of the section that holds the quoted task, not across a heading", () => {
    const root = join(CORPORATE, 'held-out-af');
    const file = 'harbour-master-office/berth-allocation.md';
    const labels = readLabels(root).filter((label) => label.file === file);
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const heading = lines.indexOf('## Exercise: Saturday morning arrivals') + 1;
    const task = lines.findIndex((line) => line.startsWith('Allocate each vessel a berth')) + 1;
    assert.ok(heading > 0 && task - heading > 3, 'the task is more than three lines below its heading');
    const at = (line: number): FindingRow => ({ file, ruleId: 'practice-feedback', line, message: 'Unexpected practice without feedback' });
    assert.equal(scoreDefects(root, labels, [at(heading)]).falseAlarms.length, 0);
    const earlier = lines.findIndex((line, index) => index < heading - 1 && line.startsWith('## ')) + 1;
    assert.ok(earlier > 0);
    assert.equal(scoreDefects(root, labels, [at(earlier)]).falseAlarms.length, 1, 'a heading above another heading does not hold the task');
  });
});
