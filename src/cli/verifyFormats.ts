import { ruleDocUrl } from '../core';
import type { VerifyFinding, VerifyKind } from '../git/verify';

export interface VerifyReport {
  lessons: number;
  signOffs: number;
  findings: VerifyFinding[];
}

const TITLES: Record<VerifyKind, string> = {
  unverified: 'Sign-off not borne out by git history',
  uncommitted: 'Sign-off not committed',
  stale: 'Stale approval',
  required: 'Required review not approved',
  unreadable: 'Reviews cannot be read',
};

export const VERIFY_FORMATS = { text, json, sarif, github } satisfies Record<string, (report: VerifyReport) => string>;

function text(report: VerifyReport): string {
  const lines = report.findings.map(
    (finding) => `${finding.file}:${finding.line}  ${finding.role ?? '-'}  ${finding.kind}  ${finding.message}`,
  );
  return `${[...lines, summary(report)].join('\n')}\n`;
}

function summary(report: VerifyReport): string {
  return (
    `${count(report.signOffs, 'sign-off')} checked in ${count(report.lessons, 'lesson')}: ` +
    `${report.findings.length === 0 ? 'all verified.' : `${count(report.findings.length, 'problem')}.`}`
  );
}

function json(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** SARIF 2.1.0: each kind of problem is a rule, so code scanning groups them. */
function sarif(report: VerifyReport): string {
  const kinds = Object.keys(TITLES) as VerifyKind[];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'course-review verify',
            informationUri: ruleDocUrl('').replace(/docs\/rules\/\.md$/, 'docs/ci.md'),
            rules: kinds.map((kind) => ({ id: `verify/${kind}`, shortDescription: { text: TITLES[kind] } })),
          },
        },
        results: report.findings.map((finding) => ({
          ruleId: `verify/${finding.kind}`,
          level: 'error',
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.file.split('/').map(encodeURIComponent).join('/') },
                region: { startLine: finding.line },
              },
            },
          ],
          ...(finding.role !== undefined && { properties: { role: finding.role, ...(finding.commit && { commit: finding.commit }) } }),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** GitHub Actions workflow commands: each problem an error annotation on its line. */
function github(report: VerifyReport): string {
  const lines = report.findings.map((finding) => {
    const title = `${TITLES[finding.kind]}${finding.role ? ` (${finding.role})` : ''}`;
    return `::error file=${property(finding.file)},line=${finding.line},title=${property(title)}::${data(finding.message)}`;
  });
  return `${[...lines, summary(report)].join('\n')}\n`;
}

function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
