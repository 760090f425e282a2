import type { List, Nodes } from 'mdast';
import type { LessonDocument } from '../document/model';
import { plainText } from '../document/parse';
import { preOrder } from '../document/walk';
import { opensWithTask } from '../analysis/taskStatement';
import type { PageType } from './pageType';
import { oneLine } from '../text/pattern';

/** The first word of a step the learner carries out: "Select…", "In the portal, open…", "Sign in…". */
const IMPERATIVE = new RegExp(
  oneLine`
    ^(?:(?:in|on|from|at|under|back in|within|using)\b[^,]{0,60},\s*)?(?:add|apply|browse|build|change|check|choose|clear|click|clone|
    close|configure|confirm|connect|copy|create|define|delete|deploy|download|drag|edit|enable|disable|enter|expand|export|fill|find|
    go|import|install|launch|leave|locate|log|make|modify|move|name|navigate|note|open|paste|press|provision|publish|push|record|
    refresh|remove|rename|replace|restart|return|review|right-click|run|save|scroll|search|select|set|sign|specify|start|stop|switch|
    tap|test|type|update|upload|use|verify|view|wait|write)\b`,
  'i',
);
const TASK_HEADING = /^(?:step|task|exercise|part)\s*\d+\b/i;
const QUESTION_HEADING = /\?\s*$|^(?:q(?:uestion)?\s*\d+\b)/i;
const QUESTION_COMPONENT = /<(?:Question|Quiz|MultipleChoice|Mcq)\b/;

export interface Shape {
  type: PageType;
  reason: string;
}

/**
 * What the page looks like, when nothing names its type: mostly numbered steps the learner carries
 * out is a lab; mostly questions is a quiz. Undefined for anything else.
 */
export function pageShape(doc: LessonDocument): Shape | undefined {
  let steps = 0;
  let blocks = 0;
  for (const node of preOrder(doc.tree)) {
    if (node.type === 'paragraph') blocks++;
    if (node.type === 'list' && (node as List).ordered) steps += imperativeItems(node as List);
  }
  const body = doc.headings.filter((heading) => heading.start >= doc.body.start);
  const tasks = body.filter((heading) => TASK_HEADING.test(heading.text)).length;
  if (steps >= 10 && (steps >= blocks * 0.4 || tasks >= 2))
    return { type: 'lab', reason: `${steps} numbered steps to carry out${tasks >= 2 ? ` under ${tasks} task headings` : ''}` };
  const questions = body.filter((heading) => QUESTION_HEADING.test(heading.text)).length + count(doc.text, QUESTION_COMPONENT);
  if (questions >= 3 && questions >= body.length * 0.6) return { type: 'assessment', reason: `${questions} questions make up the page` };
  if (opensWithTask(doc)) return { type: 'assignment', reason: 'it opens with the task it sets' };
  return undefined;
}

function imperativeItems(list: List): number {
  return list.children.filter((item) => {
    const first = item.children[0] as Nodes | undefined;
    return first?.type === 'paragraph' && IMPERATIVE.test(plainText(first).trim());
  }).length;
}

function count(text: string, pattern: RegExp): number {
  return text.split(pattern).length - 1;
}
