import assert from 'node:assert/strict';
import { parseConfig, readStoredTriggers, resolveConfig, storedTriggersText, triggerKey, type ResolvedConfig } from '../../src/core';
import { ReviewIndex } from '../../src/core/queue/reviewIndex';

function configWith(rules: Record<string, unknown>): ResolvedConfig {
  const parsed = parseConfig(JSON.stringify({ rules }), '/course/.coursereview.json', '/course');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.config;
}

const counts = (entries: Array<[string, number]>) => new Map(entries);

describe("the queue's trigger counts kept between sessions", () => {
  const config = resolveConfig(undefined, undefined, '/course');
  const a = triggerKey(config, 'a'.repeat(64));
  const b = triggerKey(config, 'b'.repeat(64));

  it('reads back what it wrote: per configuration and lesson, the findings of each trigger rule', () => {
    const other = configWith({ 'claim-absolute': ['warning', { phrases: ['second to none'] }] });
    const entries: Array<[string, ReadonlyMap<string, number>]> = [
      [a, counts([['claim-absolute', 2]])],
      [b, counts([])],
      [triggerKey(other, 'a'.repeat(64)), counts([['claim-uncited-statistic', 1]])],
    ];
    const text = storedTriggersText(entries, 'engine-1');
    assert.deepEqual(readStoredTriggers(text, 'engine-1'), new Map(entries));
    const hash = a.slice(0, a.indexOf(':'));
    assert.equal(text.split(hash).length - 1, 1, 'the configuration hash is written once for its lessons');
  });

  it('keys a lesson by its configuration: the same rules give the same key, other options another', () => {
    assert.equal(triggerKey(resolveConfig(undefined, undefined, '/course'), 'f'), triggerKey(config, 'f'));
    assert.notEqual(triggerKey(configWith({ 'claim-absolute': ['warning', { phrases: ['unbeatable'] }] }), 'f'), triggerKey(config, 'f'));
    assert.notEqual(triggerKey(configWith({ 'claim-absolute': 'off' }), 'f'), triggerKey(config, 'f'));
    assert.notEqual(triggerKey(resolveConfig(undefined, undefined, '/other-course'), 'f'), triggerKey(config, 'f'));
  });

  it("reads nothing of another engine's file, nor of a file that is not one", () => {
    const text = storedTriggersText([[a, counts([['claim-absolute', 1]])]], 'engine-1');
    assert.equal(readStoredTriggers(text, 'engine-2').size, 0, 'a new build checks again');
    for (const broken of ['', 'not json', '[]', 'null', '{"format":2,"engine":"engine-1","counts":{}}', '{"format":1,"engine":"engine-1"}'])
      assert.equal(readStoredTriggers(broken, 'engine-1').size, 0, broken);
    const odd = JSON.stringify({
      format: 1,
      engine: 'engine-1',
      counts: { c: { f: { 'claim-absolute': 2, x: -1, y: 'many', z: 1.5 }, g: [] }, d: 7 },
    });
    assert.deepEqual(readStoredTriggers(odd, 'engine-1'), new Map([['c:f', counts([['claim-absolute', 2]])]]));
  });

  it('keeps for the next session the counts this one asked for, and restores without overwriting newer ones', () => {
    const index = new ReviewIndex();
    index.restoreTriggers(
      new Map([
        [a, counts([['claim-absolute', 1]])],
        [b, counts([])],
      ]),
    );
    index.rememberTriggers(b, counts([['claim-uncited-statistic', 3]]));
    index.restoreTriggers(new Map([[b, counts([])]]));
    assert.deepEqual(index.cachedTriggers(b), counts([['claim-uncited-statistic', 3]]));
    assert.deepEqual(
      index.triggerEntries({ unused: false }).map(([key]) => key),
      [b],
      'a lesson never asked for since is gone or changed',
    );
    assert.deepEqual(
      index.triggerEntries({ unused: true }).map(([key]) => key),
      [a, b],
      'until every lesson was asked for',
    );
    assert.deepEqual(index.cachedTriggers(a), counts([['claim-absolute', 1]]));
    assert.deepEqual(
      index.triggerEntries({ unused: false }).map(([key]) => key),
      [a, b],
    );
  });
});
