import assert from 'node:assert/strict';
import {
  DEFAULT_ROLES,
  documentFingerprint,
  lessonFingerprint,
  lintText,
  parseConfig,
  parseLesson,
  reviewStates,
  type RoleState,
} from '../../src/core';

const LESSON = `---
title: Refunds
objectives:
  - Explain the refund policy
---

# Refunds

Refunds take thirty days.
`;

describe('lesson fingerprint', () => {
  const base = lessonFingerprint(LESSON);

  it('is sha256 of the content, and the same for the parsed document', () => {
    assert.match(base ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(documentFingerprint(parseLesson(LESSON)), base);
    assert.equal(documentFingerprint(parseLesson(`\uFEFF${LESSON.replace(/\n/g, '\r\n')}`)), base);
  });

  it('ignores line endings, a byte-order mark, trailing spaces, blank lines at the ends, comments, key order and the review block', () => {
    const same = [
      LESSON.replace(/\n/g, '\r\n'),
      `\uFEFF${LESSON}`,
      LESSON.replace('Refunds take thirty days.', 'Refunds take thirty days.   \t'),
      `${LESSON}\n\n\n`,
      LESSON.replace('title: Refunds', 'title: Refunds # working title'),
      LESSON.replace(
        'title: Refunds\nobjectives:\n  - Explain the refund policy',
        'objectives: [Explain the refund policy]\ntitle: "Refunds"',
      ),
      LESSON.replace('---\n\n#', 'review:\n  sme:\n    status: approved\n    fingerprint: sha256:abc\n---\n\n#'),
    ];
    for (const text of same) assert.equal(lessonFingerprint(text), base, JSON.stringify(text));
  });

  it('changes with any change of wording, in the body or in the front matter', () => {
    for (const text of [
      LESSON.replace('thirty', 'forty'),
      LESSON.replace('title: Refunds', 'title: Refund policy'),
      LESSON.replace('# Refunds', '## Refunds'),
      `${LESSON}\nA new paragraph.\n`,
    ]) {
      assert.notEqual(lessonFingerprint(text), base, JSON.stringify(text));
    }
  });

  it('is undefined when the front matter does not parse', () => {
    assert.equal(lessonFingerprint('---\ntitle: [x\n---\n'), undefined);
    assert.equal(lessonFingerprint('---\ntitle: x\n\nno closing fence'), undefined);
  });

  it('covers a lesson without front matter', () => {
    assert.match(lessonFingerprint('# Just a body\n') ?? '', /^sha256:/);
    assert.equal(lessonFingerprint('# Just a body\n'), lessonFingerprint('---\n---\n# Just a body\n'));
  });
});

describe('review states', () => {
  const state = (
    review: unknown,
    options: { fingerprint?: string; today?: string; findings?: Record<string, number> } = {},
  ): Record<string, RoleState> =>
    Object.fromEntries(
      reviewStates({
        review,
        roles: DEFAULT_ROLES,
        fingerprint: () => options.fingerprint ?? 'sha256:now',
        today: options.today ?? '2026-11-28',
        findingsByRule: new Map(Object.entries(options.findings ?? {})),
      }).map((role) => [role.role.name, role]),
    );

  it('SME is always required; legal and marketing only when triggered', () => {
    const states = state(undefined);
    assert.equal(states.sme.required, true);
    assert.equal(states.sme.outstanding, true);
    assert.equal(states.legal.required, false);
    assert.equal(states.legal.outstanding, false);
    const triggered = state(undefined, { findings: { 'claim-uncited-statistic': 2, 'claim-absolute': 1 } });
    assert.deepEqual(triggered.legal.triggeredBy, ['claim-absolute', 'claim-uncited-statistic']);
    assert.deepEqual(triggered.marketing.triggeredBy, ['claim-absolute']);
    assert.equal(triggered.legal.status, 'missing');
  });

  it('an approval is current only while its fingerprint matches', () => {
    assert.equal(state({ sme: { status: 'approved', fingerprint: 'sha256:now' } }).sme.status, 'approved');
    assert.equal(state({ sme: { status: 'approved', fingerprint: 'sha256:now' } }).sme.outstanding, false);
    assert.equal(state({ sme: { status: 'approved', fingerprint: 'sha256:then' } }).sme.status, 'stale');
    assert.equal(state({ sme: { status: 'approved', fingerprint: 'sha256:then' } }).sme.outstanding, true);
    assert.equal(state({ sme: { status: 'approved' } }).sme.status, 'stale');
  });

  it('overdue is due before today for a review not done; due today is not overdue', () => {
    assert.equal(state({ sme: { status: 'requested', due: '2026-11-27' } }).sme.overdue, true);
    assert.equal(state({ sme: { status: 'requested', due: '2026-11-27' } }).sme.daysUntilDue, -1);
    assert.equal(state({ sme: { status: 'requested', due: '2026-11-28' } }).sme.overdue, false);
    assert.equal(state({ sme: { status: 'changes-requested', due: '2026-11-01' } }).sme.overdue, true);
    assert.equal(state({ sme: { status: 'approved', due: '2026-11-01', fingerprint: 'sha256:now' } }).sme.overdue, false);
    assert.equal(state({ sme: { status: 'waived', due: '2026-11-01' } }).sme.overdue, false);
    assert.equal(
      reviewStates({
        review: { sme: { status: 'requested', due: '2026-11-01' } },
        roles: DEFAULT_ROLES,
        fingerprint: () => undefined,
        today: undefined,
        findingsByRule: new Map(),
      })[0].overdue,
      false,
    );
  });

  it('a request for a role that is not required is still outstanding; a waiver is not', () => {
    assert.equal(state({ legal: { status: 'requested' } }).legal.outstanding, true);
    assert.equal(state({ sme: { status: 'waived', note: 'reuse of an approved lesson' } }).sme.outstanding, false);
  });

  it('keeps records of roles the configuration does not know, and reads a misspelt status as no review', () => {
    const states = state({ accessibility: { status: 'requested' }, sme: { status: 'aproved' } });
    assert.equal(states.accessibility.status, 'requested');
    assert.equal(states.accessibility.required, false);
    assert.equal(states.sme.status, 'missing');
  });
});

describe('roles in .coursereview.json', () => {
  it('are laid over the defaults field by field, and new roles are added', () => {
    const result = parseConfig(
      JSON.stringify({
        roles: {
          legal: { reviewers: ['legal@example.com'] },
          marketing: { required: 'never' },
          accessibility: { label: 'Accessibility' },
          brand: { triggers: ['trademark-terms'] },
        },
      }),
      '/team/.coursereview.json',
      '/team',
    );
    assert.ok(result.ok);
    const roles = Object.fromEntries(result.config.roles.map((role) => [role.name, role]));
    assert.deepEqual(roles.legal.reviewers, ['legal@example.com']);
    assert.equal(roles.legal.required, 'when-triggered');
    assert.ok(roles.legal.triggers.includes('claim-uncited-statistic'));
    assert.equal(roles.marketing.required, 'never');
    assert.equal(roles.accessibility.required, 'always');
    assert.equal(roles.accessibility.label, 'Accessibility');
    assert.equal(roles.brand.required, 'when-triggered');
  });

  it('reject an unknown trigger rule and an unknown field, with its place', () => {
    const text = '{ "roles": { "legal": { "triggers": ["claim-absolut"] } } }';
    const result = parseConfig(text, '/team/.coursereview.json', '/team');
    assert.ok(!result.ok);
    assert.match(result.error.message, /Unexpected rule id "claim-absolut"/);
    assert.equal(text.slice(result.error.start, result.error.end), '"claim-absolut"');
    const typo = parseConfig('{ "roles": { "legal": { "reviewer": ["x"] } } }', '/team/.coursereview.json', '/team');
    assert.ok(!typo.ok);
    assert.match(typo.error.message, /did you mean "reviewers"/);
  });
});

describe('review-required in a lint', () => {
  const config = (() => {
    const result = parseConfig('{ "rules": { "claim-uncited-statistic": "warning" } }', '/team/.coursereview.json', '/team');
    if (!result.ok) throw new Error(result.error.message);
    return result.config;
  })();
  const legalFindings = (text: string) =>
    lintText(text, config, { today: '2026-11-28' }).findings.filter(
      (finding) => finding.ruleId === 'review-required' && /Legal/.test(finding.message),
    );

  it('names the findings that made a legal review required', () => {
    const [finding] = legalFindings('# Calls\n\nAgents who log calls resolve complaints 40% faster.\n');
    assert.match(finding.message, /required by claim-uncited-statistic \(line 3\)/);
    assert.equal(finding.suggestions?.[0].title, 'Request Legal review');
  });

  it('a suppressed claim triggers nothing', () => {
    assert.deepEqual(
      legalFindings(
        '# Calls\n\n<!-- course-review-disable-next-line claim-uncited-statistic -->\nAgents who log calls resolve complaints 40% faster.\n',
      ),
      [],
    );
  });
});
