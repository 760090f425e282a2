import { lessonFingerprint } from '../../../src/core';

/** Lessons of a small call-centre course, each with its review in a different state on TODAY. */
export const TODAY = '2026-12-04';

export const APPROVED_BODY = `---
title: Greeting a caller
objectives:
  - Greet a caller with your name and the company's name
review:
  sme:
    status: approved
    reviewer: Priya Patel
    signed: 2026-11-20
    fingerprint: FINGERPRINT
---

# Greeting a caller

Imagine a caller who has waited ten minutes. What do you say first?

## Try it

Write your greeting. Compare your answer with the model answer: "Thanks for waiting, I'm Sam at Brightline."

## Key points

- Name yourself and the company.
`;

export const OVERDUE = `---
title: Closing a call
review:
  sme:
    status: requested
    reviewer: Priya Patel
    requested: 2026-11-01
    due: 2026-11-09
---

# Closing a call

Summarise what you agreed, then say goodbye.
`;

export const STALE = `---
title: Holding a call
review:
  sme:
    status: approved
    reviewer: Priya Patel
    signed: 2026-10-01
    fingerprint: sha256:0000000000000000000000000000000000000000000000000000000000000000
---

# Holding a call

Ask before you put a caller on hold.
`;

export function approved(): string {
  const draft = APPROVED_BODY.replace('FINGERPRINT', 'x');
  return APPROVED_BODY.replace('FINGERPRINT', lessonFingerprint(draft)!);
}
