import assert from 'node:assert/strict';
import { BUILTIN_PREFILTERS } from '../../src/core/queue/builtinPrefilters';
import { plannedAlternatives, plannedTable, type PlannedAlternative } from '../../src/core/queue/plannedAlternatives';
import { loweredSource } from '../../src/core/text/caseless';
import { alternativesOf, literalFactors } from '../../src/core/text/literalFactors';

const BUILTIN = Object.values(BUILTIN_PREFILTERS).flat();

function described(planned: readonly PlannedAlternative[]) {
  return planned.map(({ pattern, factors, lowered }) => ({ source: pattern.source, flags: pattern.flags, factors, lowered }));
}

describe('planned alternatives (the prefilter table a bundle carries)', () => {
  it('worked out, they are the alternatives, their factors and their lowered sources', () => {
    const pattern = /(?:top|leading)\s+(?:provider|brand)|guaranteed\s+to/iu;
    assert.deepEqual(
      described(plannedAlternatives(pattern, {})),
      alternativesOf(pattern).map((alternative) => ({
        source: alternative.source,
        flags: 'iu',
        factors: literalFactors(alternative),
        lowered: loweredSource(alternative),
      })),
    );
  });

  it('read from a table (through JSON, as the bundle defines it), every built-in pattern plans as when worked out', () => {
    const table = JSON.parse(JSON.stringify(plannedTable(BUILTIN)));
    assert.ok(BUILTIN.length > 50, `only ${BUILTIN.length} built-in patterns`);
    for (const pattern of BUILTIN) {
      assert.ok(Object.hasOwn(table, `/${pattern.source}/${pattern.flags.replace(/[gy]/g, '')}`), `${pattern} is in the table`);
      assert.deepEqual(described(plannedAlternatives(pattern, table)), described(plannedAlternatives(pattern, {})), String(pattern));
    }
  });

  it("a pattern the table lacks (a user's words, other flags) is worked out", () => {
    const table = plannedTable([/market\s+leader/iu]);
    const other = /market\s+leader/u;
    assert.deepEqual(described(plannedAlternatives(other, table)), described(plannedAlternatives(other, {})));
    assert.equal(plannedAlternatives(other, table)[0].lowered, null);
    assert.equal(plannedAlternatives(/market\s+leader/iu, table)[0].lowered, 'market\\s+leader');
  });

  it('a table entry is used as it is, not worked out again', () => {
    const pattern = /best\s+in\s+class/iu;
    const table = { [`/${pattern.source}/iu`]: [['best', ['sentinel'], null]] } as ReturnType<typeof plannedTable>;
    assert.deepEqual(described(plannedAlternatives(pattern, table)), [
      { source: 'best', flags: 'iu', factors: ['sentinel'], lowered: null },
    ]);
  });
});
