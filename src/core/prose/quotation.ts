import { oneLine } from '../text/pattern';

/** How far back a quotation is looked for: a quoted sentence or two, not a whole paragraph. */
const QUOTATION_REACH = 300;

/**
 * Whether `at` falls inside quoted words ("a reply that starts "Dear [Customer name]"", "the buyer
 * says: "your price went up 12%""), soft line breaks included: an odd number of straight quotes in
 * the 300 characters before it, or a curly one left open there.
 */
export function insideQuotation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - QUOTATION_REACH), at);
  return (before.split('"').length - 1) % 2 === 1 || before.lastIndexOf('“') > before.lastIndexOf('”');
}

/**
 * "He says, "Try it again, it always works."": the words of someone in the lesson's story, which the lesson reports. A line for the
 * learner to say ("Say: "It never fails"") is still the organisation's claim.
 */
export function inReportedSpeech(text: string, at: number): boolean {
  if (!insideQuotation(text, at)) return false;
  const open = Math.max(text.lastIndexOf('"', at - 1), text.lastIndexOf('“', at - 1));
  const before = text.slice(Math.max(0, open - 40), open + 1);
  const close = text.slice(at).search(/["”]/);
  const after = close === -1 ? '' : text.slice(at + close, at + close + 40);
  return SPEAKER_BEFORE.test(before) || SPEAKER_AFTER.test(after);
}

/** "He says, "", "the driver insists: "": someone other than the learner speaks. */
const SPEAKER_BEFORE = new RegExp(
  oneLine`
    \b(?:he|she|they|it|(?:the|a|an|your|our|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+|\p{Lu}\p{Ll}+)\s+(?:[\p{L}-]+ly\s+)?
    (?:says|said|asks|asked|replies|replied|insists|insisted|tells\s+you|told\s+you|shouts|shouted|writes|wrote|claims|claimed|
    explains|explained|adds|added|complains|complained|argues|argued)\s*[,:]?\s*["“]$`,
  'u',
);
/** "", he says", "," the driver insists". */
const SPEAKER_AFTER = new RegExp(
  oneLine`
    ^["”]\s*,?\s*(?:he|she|they|(?:the|a|an|your|our|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+|\p{Lu}\p{Ll}+)\s+(?:says|
    said|asks|asked|replies|replied|insists|insisted|shouts|shouted|writes|wrote|claims|claimed|explains|explained|adds|added|
    complains|complained|argues|argued)\b`,
  'u',
);

/**
 * A short quotation on one line: what a note, a statement or a letter says ("PTP agreed", "PAYPRO*SVC LDN"), or the word itself
 * (write "twice a day", not "BD"). The lesson shows the acronym as written somewhere else rather than using it.
 */
export function inShortQuotation(text: string, at: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
  const before = text.slice(Math.max(lineStart, at - MAX_QUOTED), at);
  const after = text.slice(end, Math.min(lineEnd, end + MAX_QUOTED));
  const curly = before.lastIndexOf('“');
  if (curly !== -1 && !before.includes('”', curly) && after.includes('”')) return true;
  const straight = text.slice(lineStart, at).split('"').length - 1;
  return straight % 2 === 1 && before.includes('"') && after.includes('"');
}
const MAX_QUOTED = 40;
