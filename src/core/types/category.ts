/** What a rule checks, in the product's words: practical, relevant and memorable lessons, and the rest. */
export const CATEGORIES = ['practical', 'relevant', 'memorable', 'clarity', 'accessibility', 'inclusion', 'claims', 'review'] as const;
export type Category = (typeof CATEGORIES)[number];
