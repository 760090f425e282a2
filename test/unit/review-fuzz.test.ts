import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { applyEdits, DEFAULT_ROLES, writeReview, type ReviewAction } from '../../src/core';

/** How many front matters the property below generates (half of them then mutated). */
export const FUZZ_RUNS = 10_000;

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const text = fc.oneof(
  word,
  fc.string({ maxLength: 20 }),
  fc.constantFrom('yes', 'no', '2026-11-28', '12', '~', '', 'a: b', '#not a comment', "it's", '"quoted"'),
);

/** A scalar written the ways people write them. */
const scalar = fc.oneof(
  text.map((value) => JSON.stringify(value)),
  word,
  word.map((value) => `'${value}'`),
  fc.integer().map(String),
  fc.constantFrom('2026-11-28', 'null', '~', 'true', '20 min', '[a, b]', '{x: 1}', '|\n  literal\n  text', '>-\n  folded\n  text', ''),
);

const comment = fc.constantFrom('', '', '  # a comment', ' #x', '\t# tab');

const seq = fc
  .tuple(fc.constantFrom('', '  ', '    '), fc.array(scalar, { minLength: 1, maxLength: 3 }))
  .map(([indent, items]) => items.map((item) => `\n${indent}- ${item.replace(/\n/g, '\n    ')}`).join(''));

const nested = fc
  .tuple(fc.constantFrom('  ', '    '), fc.array(fc.tuple(word, scalar), { minLength: 1, maxLength: 3 }))
  .map(([indent, pairs]) => pairs.map(([key, value]) => `\n${indent}${key}: ${value.replace(/\n/g, `\n${indent}  `)}`).join(''));

const status = fc.constantFrom('requested', 'approved', 'changes-requested', 'waived', 'aproved', '');
const role = fc.constantFrom('sme', 'legal', 'marketing', 'accessibility');
/** Mostly configured roles: an unknown one is refused before the front matter is read. */
const actionRole = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('sme', 'legal', 'marketing') },
  { weight: 1, arbitrary: fc.constant('accessibility') },
);

const roleRecord = fc
  .tuple(
    role,
    fc.constantFrom('  ', '    '),
    status,
    fc.option(word),
    fc.option(fc.constantFrom('2026-11-01', '2026-12-24', 'soon')),
    comment,
  )
  .map(
    ([name, indent, state, reviewer, due, note]) =>
      `\n${indent}${name}:${note}\n${indent}${indent}status: ${state}${reviewer ? `\n${indent}${indent}reviewer: ${reviewer}` : ''}${due ? `\n${indent}${indent}due: ${due}` : ''}`,
  );

const reviewBlock = fc.oneof(
  fc.array(roleRecord, { minLength: 1, maxLength: 3 }).map((roles) => `review:${roles.join('')}`),
  fc.constantFrom(
    'review:',
    'review: {}',
    'review: {sme: {status: requested}}',
    'review: done',
    'review:\n  sme: approved',
    'review:\n  sme:',
  ),
);

const entry = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(word, scalar, comment).map(([key, value, note]) => `${key}: ${value}${value.includes('\n') ? '' : note}`),
  },
  { weight: 2, arbitrary: fc.tuple(word, seq).map(([key, items]) => `${key}:${items}`) },
  { weight: 2, arbitrary: fc.tuple(word, nested).map(([key, pairs]) => `${key}:${pairs}`) },
  { weight: 1, arbitrary: fc.constantFrom('# a whole-line comment', '', '   ') },
  { weight: 2, arbitrary: reviewBlock },
);

const body = fc.oneof(
  fc.constantFrom('', '# Lesson\n\nText.\n', '\n---\nnot front matter\n---\n', 'Body without a final newline'),
  fc.string({ maxLength: 40 }),
);

const lesson = fc
  .record({
    bom: fc.boolean(),
    crlf: fc.boolean(),
    frontMatter: fc.option(fc.array(entry, { maxLength: 6 }), { freq: 8 }),
    body,
  })
  .map(({ bom, crlf, frontMatter, body: content }) => {
    const raw = frontMatter === null ? content : `---\n${frontMatter.join('\n')}${frontMatter.length > 0 ? '\n' : ''}---\n${content}`;
    return (bom ? '\uFEFF' : '') + (crlf ? raw.replace(/\n/g, '\r\n') : raw);
  });

/** Random small damage to the head of the file: where YAML is most fragile. */
const mutated = fc
  .tuple(
    lesson,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('', ':', '-', '#', "'", '"', '[', '{', '\n', ' ', '\t', '|', '&a', '*a', '!!str ', '---'),
        fc.nat(3),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([text, damage]) => {
    let result = text;
    for (const [at, insert, remove] of damage) {
      const position = at % Math.max(1, Math.min(result.length, 200));
      result = result.slice(0, position) + insert + result.slice(position + remove);
    }
    return result;
  });

const action: fc.Arbitrary<ReviewAction> = fc.oneof(
  actionRole.map((name) => ({ kind: 'approve' as const, role: name })),
  fc.tuple(actionRole, text).map(([name, note]) => ({ kind: 'request-changes' as const, role: name, note })),
  fc
    .tuple(
      actionRole,
      fc.option(text, { nil: undefined }),
      fc.option(fc.constantFrom('2026-12-01', '2026-11-01', 'tomorrow'), { nil: undefined }),
    )
    .map(([name, reviewer, due]) => ({ kind: 'request' as const, role: name, reviewer, due })),
  fc.tuple(actionRole, text).map(([name, note]) => ({ kind: 'waive' as const, role: name, note })),
  actionRole.map((name) => ({ kind: 'withdraw' as const, role: name })),
);

interface Head {
  data: Record<string, unknown>;
  /** Where the front matter's closing fence line ends. */
  end: number;
}

/** Reads the front matter independently of the writer: fences by regular expression, YAML by the `yaml` package. */
function head(source: string): Head | undefined | 'broken' {
  const match = /^---[ \t]*(\r\n|\n|\r)/.exec(source);
  if (!match) return undefined;
  const lines = source.slice(match[0].length).split(/(?<=\r\n|\n|\r)/);
  let offset = match[0].length;
  for (const line of lines) {
    if (/^---[ \t]*(?:\r\n|\n|\r)?$/.test(line)) {
      const yaml = parseDocument(source.slice(match[0].length, offset), { uniqueKeys: true });
      if (yaml.errors.length > 0) return 'broken';
      const data: unknown = yaml.toJS() ?? {};
      if (typeof data !== 'object' || Array.isArray(data)) return 'broken';
      return { data: data as Record<string, unknown>, end: offset + line.replace(/[\r\n]+$/, '').length };
    }
    offset += line.length;
  }
  return 'broken';
}

function without(data: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = data;
  return rest;
}

describe('review writer (property)', () => {
  it(`over ${FUZZ_RUNS.toLocaleString('en-US')} generated and mutated front matters: refuses with a message, or writes valid YAML with the body and every other key unchanged`, function () {
    this.timeout(120_000);
    const outcomes = { written: 0, refused: 0 };
    fc.assert(
      fc.property(fc.oneof(lesson, mutated), action, (input, requested) => {
        const result = writeReview(input, requested, { identity: { name: 'Priya Patel' }, today: '2026-11-28', roles: DEFAULT_ROLES });
        if (result.kind === 'refused') {
          outcomes.refused++;
          assert.ok(result.message.length > 20, 'a refusal explains itself');
          assert.doesNotMatch(
            result.message,
            /could not write this review without changing/,
            `the writer's own check caught a bad write:\n${JSON.stringify(input)}\n${JSON.stringify(requested)}`,
          );
          return;
        }
        outcomes.written++;
        const output = applyEdits(input, result.edits);
        const bom = input.startsWith('\uFEFF') ? 1 : 0;
        assert.equal(output.startsWith('\uFEFF'), bom === 1, 'the byte-order mark is kept');
        const before = head(input.slice(bom));
        const after = head(output.slice(bom));
        assert.ok(after !== undefined && after !== 'broken', `the result's front matter parses:\n${output}`);
        if (before === 'broken') assert.fail('broken front matter is refused, never written');
        const bodyBefore = before === undefined ? input.slice(bom) : input.slice(bom + before.end);
        const bodyAfter = output.slice(bom + after.end);
        assert.equal(before === undefined ? bodyAfter.replace(/^(?:\r\n|\n|\r)/, '') : bodyAfter, bodyBefore, 'the body is byte-identical');
        assert.ok(isDeepStrictEqual(without(after.data, 'review'), without(before?.data ?? {}, 'review')), 'every other key is unchanged');
        const rolesBefore = (before?.data.review ?? {}) as Record<string, unknown>;
        const rolesAfter = (after.data.review ?? {}) as Record<string, unknown>;
        assert.ok(
          isDeepStrictEqual(
            without(rolesAfter, requested.role),
            without(typeof rolesBefore === 'object' && rolesBefore ? rolesBefore : {}, requested.role),
          ),
          'the other roles are unchanged',
        );
        assert.ok(
          isDeepStrictEqual(rolesAfter[requested.role], result.kind === 'record' ? result.record : undefined),
          'the role holds the record written, or none once withdrawn',
        );
        for (const edit of result.edits)
          assert.ok(edit.start >= bom && edit.end <= bom + (before?.end ?? 0), 'edits stay inside the front matter');
      }),
      { numRuns: FUZZ_RUNS, seed: 20261128 },
    );
    assert.ok(outcomes.written > FUZZ_RUNS / 3, `most inputs are written, not refused: ${JSON.stringify(outcomes)}`);
    assert.ok(outcomes.refused > 0, 'broken inputs are generated and refused');
  });
});
