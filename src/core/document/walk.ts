import type { Nodes } from 'mdast';

/**
 * The node and its descendants in document order, walked with a stack of its own: a tree can be
 * as deep as the lesson nests, and a recursive walk would run out of call stack first.
 * `descend` decides, node by node, whether its children are walked too. An array rather than a
 * generator: the walk runs for every heading and paragraph, and V8 runs plain loops faster.
 */
export function preOrder(root: Nodes, descend: (node: Nodes) => boolean = () => true): Nodes[] {
  const nodes: Nodes[] = [];
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    nodes.push(node);
    if ('children' in node && descend(node)) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
    }
  }
  return nodes;
}
