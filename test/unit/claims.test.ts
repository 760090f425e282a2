import assert from 'node:assert/strict';
import { lintText, resolveConfig } from '../../src/core';

const config = resolveConfig(undefined, undefined, '/');
const CLAIM_RULES = ['claim-absolute', 'claim-uncited-statistic', 'claim-outcome-promise'];

/** The claim rules that report something in one sentence, each sentence its own paragraph. */
function claimsIn(sentence: string): string[] {
  return lintText(`# Lesson\n\n${sentence}\n`, config)
    .findings.filter((finding) => CLAIM_RULES.includes(finding.ruleId))
    .map((finding) => finding.ruleId);
}

describe('claim rules', () => {
  const flagged: Array<[string, string]> = [
    ['claim-absolute', 'CodeCamp is the best coding bootcamp in the world.'],
    ['claim-absolute', "CodeCamp is the world's leading coding school."],
    ['claim-absolute', 'Our award-winning curriculum is used by 500 companies.'],
    ['claim-absolute', 'Join the #1 rated platform for developers.'],
    ['claim-absolute', 'Ranked number one by learners.'],
    ['claim-absolute', 'Our proven system works every time.'],
    ['claim-absolute', 'Enrolment is risk-free.'],
    ['claim-absolute', 'Learn at your own pace, or your money back.'],
    ['claim-absolute', 'The exercises are 100% effective.'],
    ['claim-absolute', 'We guarantee you will love it.'],
    ['claim-absolute', 'Our method is guaranteed to calm every caller.'],
    ['claim-absolute', 'The method is clinically proven.'],
    ['claim-absolute', 'Our instructors are second to none.'],
    ['claim-absolute', "This is the only course you'll ever need."],
    ['claim-absolute', 'The new card readers are tamper-proof.'],
    ['claim-absolute', 'The turnstiles are virtually indestructible.'],
    ['claim-absolute', 'Our engineers never make errors on site.'],
    ['claim-absolute', 'The depot is never late with a delivery.'],
    ['claim-absolute', 'The booking page is always correct.'],
    ['claim-absolute', 'This filter system delivers without fail.'],
    ['claim-absolute', "Once you follow these steps, there's no risk that a client will be overcharged."],
    ['claim-absolute', 'With this checklist, nothing can go wrong on the night.'],
    ['claim-absolute', 'This password manager makes you immune to phishing.'],
    ['claim-absolute', 'Customers are fully covered against any loss.'],
    ['claim-absolute', 'The roof mounts are guaranteed for life.'],
    ['claim-absolute', 'The site has a spotless safety record.'],
    ['claim-absolute', 'The tickets are impossible to forge.'],
    ['claim-absolute', 'With two-factor login, accounts can never be hacked.'],
    ['claim-outcome-promise', 'Graduates earn $30,000 more on average.'],
    ['claim-outcome-promise', 'Get a job in tech in 12 weeks.'],
    ['claim-outcome-promise', 'Become a professional developer in 30 days.'],
    ['claim-outcome-promise', 'Master Python in just 10 hours.'],
    ['claim-outcome-promise', 'Pass your AWS certification on the first try.'],
    ['claim-outcome-promise', 'This course will boost your earnings.'],
    ['claim-outcome-promise', 'Land a high-paying role after the course.'],
    ['claim-outcome-promise', 'Job guarantee for every graduate.'],
    ['claim-uncited-statistic', '92% of our graduates say the course changed their career.'],
    ['claim-uncited-statistic', 'Teams that use the platform are 40% more productive.'],
    ['claim-uncited-statistic', 'Companies cut training costs by 35% with the programme.'],
    ['claim-uncited-statistic', 'Learners retain only 10% of what they read.'],
    ['claim-uncited-statistic', 'Learners who practise are three times more likely to finish.'],
    ['claim-uncited-statistic', 'Research shows that feedback matters.'],
    ['claim-uncited-statistic', 'According to a recent survey, learners prefer video.'],
    ['claim-uncited-statistic', 'Experts agree that spacing works.'],
  ];
  for (const [ruleId, sentence] of flagged) {
    it(`${ruleId}: ${sentence}`, () => assert.deepEqual(claimsIn(sentence), [ruleId]));
  }

  const quiet = [
    'Follow best practices and pick the best model on the validation set.',
    'Merge sort guarantees O(n log n) time, and the result is guaranteed to be sorted.',
    'We guarantee that the invariant holds by checking it first.',
    'The `unwrap` call never fails here because the vector is non-empty.',
    'This trick always works for small inputs, but not for large ones.',
    'Issue #1 on the tracker describes the bug; step number one is to install Python.',
    'He was the world’s first programmer.',
    'The most popular package in the world of data science is probably pandas.',
    'Which is the best course in the world? Ask your colleagues.',
    'No method is foolproof, and no course is risk-free.',
    'The risk-free rate is a technical term in finance.',
    'The linter reports unmatched brackets.',
    'Set the opacity to 100% and the width to 100%.',
    'Reduce the learning rate by 10% every epoch.',
    'Memory use dropped by 30% after the change.',
    'About 80% of the particles are water molecules.',
    'Use 80% of the data for training and 20% for testing.',
    'The accuracy is around 95%, and you improved it to 97%.',
    'When 100% of the tests pass, commit your change.',
    'Lighthouse gave the page a 100% score.',
    'Run the loop 10 times more to see the variance.',
    'The evidence shows that the null hypothesis is rejected.',
    'According to the documentation, the function returns None.',
    'Inspections remove 60-90% of errors before testing (Fagan, 1976).',
    'Students will make a plot and earn a certificate of completion.',
    'Submit your job, get the job ID and find a better job script in the examples.',
    'Write the code that makes the tests pass.',
    'No course can guarantee that you will get hired.',
    'Make sure the form is error-free before you submit it.',
    'Ensure there is no risk of a slip by drying the floor.',
    'No system is unbreakable, so report anything odd.',
    'There is a small risk of infection, so wear gloves.',
    'The old system was never down for long.',
    'Check that the seal is airtight before you store the sample.',
    'The customer is always right, as the saying goes.',
    'Become familiar with Git in a few minutes.',
  ];
  for (const sentence of quiet) {
    it(`quiet: ${sentence}`, () => assert.deepEqual(claimsIn(sentence), []));
  }

  it('a statistic cited by a footnote or a link in the next sentence is not reported', () => {
    assert.deepEqual(claimsIn('Spaced practice improves retention by up to 50%.[^1]\n\n[^1]: Cepeda et al. (2006).'), []);
    assert.deepEqual(claimsIn('92% of learners finish the course. See [the 2025 report](https://example.com/report).'), []);
    assert.deepEqual(claimsIn('92% of learners finish the course. We are proud of them.'), ['claim-uncited-statistic']);
  });

  // Beside a research word, so that the block is read: each statistic's only number is a word or a share.
  const numbersInWords = [
    'The vast majority of callers hang up before the report is read.',
    'Nearly all of our customers renew, the survey says.',
    'Two thirds of complaints are about delivery, the report shows.',
    'Three out of four shoppers say they read the report.',
    'Staff are twice as likely to report a near miss after the course.',
    'The new form saves agents several hours a week, the report says.',
    'Ticket volume doubles every few weeks, the report warns.',
  ];
  for (const sentence of numbersInWords) {
    it(`claim-uncited-statistic, a number in words: ${sentence}`, () => assert.deepEqual(claimsIn(sentence), ['claim-uncited-statistic']));
  }

  it('honours the shared allowlist', () => {
    const allowing = { ...config, settings: { ...config.settings, allowed: new Set(['award-winning']) } };
    const findings = lintText('# Lesson\n\nOur award-winning curriculum.\n', allowing).findings.filter(
      (finding) => finding.ruleId === 'claim-absolute',
    );
    assert.equal(findings.length, 0);
  });
});
