/**
 * Microsoft Learning's lab repositories: a lab declares itself in front matter, with a `lab:`
 * mapping (`title`, `description`, `module`) or `islab: true`.
 */

type FrontMatterData = Readonly<Record<string, unknown>> | undefined;

export function isLab(data: FrontMatterData): boolean {
  const lab = data?.lab;
  return (!!lab && typeof lab === 'object') || data?.islab === true;
}

/** The lab's goal, from `lab.description`, when it says something. */
export function labGoal(data: FrontMatterData): string | undefined {
  const lab = data?.lab;
  if (!lab || typeof lab !== 'object') return undefined;
  const description = (lab as Record<string, unknown>).description;
  return typeof description === 'string' && description.trim() !== '' ? description : undefined;
}
