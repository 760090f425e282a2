/**
 * The `.coursereview.json` the *Create Team Configuration* command writes: the recommended rules,
 * the three review roles with empty reviewer lists to fill in, and the lesson globs, each with a
 * comment that says what to change. JSON with comments, as the configuration is read.
 */
export function starterConfig(): string {
  return `{
  // Course Review's team configuration: see the README's Configuration section for every key.
  "extends": "recommended",

  // Which Markdown files are lessons (globs relative to this file). Leave out to check them all.
  // "lessons": ["lessons/**/*.md"],

  // Who reviews what. A role is required "always", or "when-triggered" by the rules that find claims.
  // List reviewers by email: sign-offs are then checked against git authors by \`course-review verify\`.
  "roles": {
    "sme": { "label": "SME", "required": "always", "reviewers": [], "dueInDays": 7 },
    "legal": { "label": "Legal", "required": "when-triggered", "reviewers": [], "dueInDays": 5 },
    "marketing": { "label": "Marketing", "required": "when-triggered", "reviewers": [], "dueInDays": 5 }
  },

  // Words and acronyms your learners know, which no prose rule should flag.
  "allow": { "terms": [], "acronyms": [] },

  // Acronyms with their meaning: an entry counts as the acronym's definition in every lesson.
  "glossary": {},

  // A rule's severity ("error", "warning", "info", "hint" or "off"), or ["warning", { options }].
  "rules": {}
}
`;
}
