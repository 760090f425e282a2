import { oneLine } from '../../text/pattern';

/**
 * A few terms have an everyday sense that the list cannot tell apart from the flagged one; these
 * tests keep the flagged sense only. Measured on the corpus: "time to master a concept", "nuts and
 * bolts", "was challenged", "non-white label", "alcoholic ingredients".
 */
/** "master branch", "master/slave database": the computing sense, followed by the machine. */
const MASTER_OF_MACHINES = new RegExp(
  oneLine`
    ^\s*[-/]?\s*(?:branch|branches|node|nodes|server|servers|database|databases|db|process|processes|replica|replicas|slave|slaves|
    device|devices|thread|threads|instance|instances|worker|workers|cluster|controller)\b`,
  'i',
);
const CHALLENGED_HOW = new RegExp(
  oneLine`
    \b(?:physically|mentally|intellectually|developmentally|visually|aurally|vertically|horizontally|emotionally|educationally|
    socially|cognitively|academically|sight|hearing|learning|follicly|technologically)[-\s]+$`,
  'i',
);
/** "non-white students": a group of people, not a "non-white label". */
const NONWHITE_PEOPLE = new RegExp(
  oneLine`
    ^\s+(?:people|persons?|students?|learners?|employees?|individuals?|population|groups?|communit(?:y|ies)|applicants?|candidates?|
    workers?|users?|men|women|children)\b`,
  'i',
);
export const CONTEXT: Record<string, (before: string, after: string) => boolean> = {
  master: (before, after) => MASTER_OF_MACHINES.test(after) || /\b(?:slave)\s*[-/]\s*$/i.test(before),
  masters: (before, after) => CONTEXT.master(before, after),
  // "go nuts", "you're nuts"; not "M6 nuts", "nuts and bolts".
  nuts: (before, after) =>
    !/^\s+and\s+bolts\b/i.test(after) &&
    /\b(?:is|are|was|were|be|been|go|goes|going|went|drive|drives|driving|drove|['’]re|['’]s)\s+$/i.test(before),
  // "physically challenged"; not "no client has ever successfully challenged it".
  challenged: (before) => CHALLENGED_HOW.test(before),
  nonwhite: (_before, after) => NONWHITE_PEOPLE.test(after),
  'non white': (before, after) => CONTEXT.nonwhite(before, after),
  alcoholic: (before, after) => /\b(?:an?|the)\s+$/i.test(before) && !/^\s+[a-z]/i.test(after),
  // "Point the scanner and pull the trigger": the trigger of a tool, not the idiom.
  // So is a step that pulls it and ends, or says how: "Press the nose down, then pull the trigger."
  'pull the trigger': (before, after) =>
    !/\b(?:scanner|handheld|scan|barcode|gun|drill|spray|nozzle|pump|device)/i.test(before + after) &&
    !(/(?:^|[.;:!]\s*|\b(?:then|and|now)\s+)$/i.test(before) && TRIGGER_PULLED.test(after)),
  // A baker retards dough (slows its proving), and "Retard:" names that stage: only a person called one is the slur.
  retard: (before) => PERSON_CALLED.test(before),
  retards: (before, after) => PERSON_CALLED.test(before) && !/^\s+(?:the|a|an|its|their|our|your|this|that|it|them)\b/i.test(after),
  // Gimp is an upholsterer's braid ("piping, gimp, close-nailing"); only a person called one is the slur.
  gimp: (before, after) => PERSON_CALLED.test(before) && !/^\s+(?:pins?|braid|trim|cord|tape|edging|nails?)\b/i.test(after),
  // A spade digs, or blanks off a pipe: only the idiom is about people.
  spade: (before) => /\bcall(?:s|ed|ing)?\s+a\s+$/i.test(before),
  // "A hearing impairment", "Hearing impairment: face the customer": the noun names the condition, never people; "the hearing
  // impaired" and "hearing-impaired callers" do, and are found as such.
  'hearing impairment': () => false,
  // "An epileptic seizure", "epileptic medication": the condition's events and treatment; "an epileptic" and "epileptic staff"
  // name people by it.
  epileptic: (_before, after) => !CONDITION_THINGS.test(after),
  // "Drivers blinded by spray", "blinded by the sun": light or spray in the eyes, not the figure of speech for failing to see the obvious.
  'blinded by': (_before, after) => !IN_THE_EYES.test(after),
  // A lame cow or horse is the word for its gait.
  lame: (before, after) => !ANIMALS.test(before + after),
  // "[TO ADD]": the verb, in a note to the writer.
  ADD: (before, after) => !/(?:\bto|\[)\s*$/i.test(before) && !/^\s*\]/.test(after),
  // "medicines for attention deficit hyperactivity disorder (ADHD)", "a child with ADHD": the condition's name. "He's so ADHD" uses it
  // for a trait.
  adhd: (before) => /\b(?:so|a\s+bit|totally|really|very|bit|being|is|are|was|were|am|['’]m|['’]re|['’]s)\s+$/i.test(before),
  // The Ombudsman is an office's name in law ("the Financial Ombudsman Service").
  ombudsman: () => false,
  // "Raise each blind to its tag": a window blind, a noun after a determiner.
  'blind to': (before) => !/\b(?:a|an|the|each|every|this|that|one|any|roller|window)\s+$/i.test(before),
};

/** After "pull the trigger" in a step: the end of it, or how. */
const TRIGGER_PULLED = new RegExp(
  oneLine`
    ^(?:\s*(?:[.;,!]|$)|\s+(?:once|twice|gently|fully|slowly|firmly|all\s+the\s+way|and\s+(?:hold|release)|
    to\s+(?:start|release|fire|spray|staple|drive|dispense))\b)`,
  'i',
);
/** Words that make the next one a name for a person: "a …", "you …", "such a …". */
const CONDITION_THINGS = new RegExp(
  oneLine`
    ^[\s-]+(?:seizures?|fits?|attacks?|episodes?|activity|drugs?|medicines?|medications?|treatments?|syndromes?|disorders?|
    conditions?|auras?)\b`,
  'i',
);
const IN_THE_EYES = new RegExp(
  oneLine`
    ^\s+(?:(?:the|a|an|their|your|oncoming|low|bright|strong)\s+)*(?:sun|sunlight|light|lights|glare|headlights?|headlamps?|
    flash(?:es)?|torch(?:es)?|beams?|lasers?|spray|mist|smoke|dust|snow|rain|grit)\b`,
  'i',
);
const PERSON_CALLED = /\b(?:a|an|you|like|such|total|complete|little|stupid|some|that|this|those|these|bunch\s+of)\s+$/i;

/**
 * Words with an animal's sense in a lesson about animals: a hatchery's chicks; and a horse that is lame, however far from the word
 * in its paragraph the horse is named ("A horse is withdrawn at the start because it is lame").
 */
export const BIRDS = /\b(?:hatch(?:ery|eries|ing|ed|es)?|hens|poultry|broilers?|incubat\w*|brood\w*|ducklings?|goslings?)\b/i;

export const ANIMALS = new RegExp(
  oneLine`
    \b(?:animals?|cows?|cattle|calf|calves|heifers?|bulls?|bullocks?|steers?|sheep|ewes?|lambs?|rams?|horses?|ponies|pony|pigs?|
    sows?|goats?|dogs?|hooves|hoof|livestock|lairage|stock)\b`,
  'i',
);
/** Words that name a young bird in a lesson about birds. */
export const BIRD_SENSE = new Set(['chick', 'chicks']);
