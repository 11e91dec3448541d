// Plan checks: walks the tree that EXPLAIN (FORMAT JSON) prints and looks for node types
// ("Index Scan", "Seq Scan", "Hash Join") and index names.
import type { PlanCheck } from './format';

export interface PlanNode {
  nodeType: string;
  indexName?: string;
  relationName?: string;
}

interface RawPlanNode {
  'Node Type'?: unknown;
  'Index Name'?: unknown;
  'Relation Name'?: unknown;
  Plans?: unknown;
}

/** Every node of an EXPLAIN (FORMAT JSON) document (the text of its one "QUERY PLAN" value). */
export function listPlanNodes(explainJson: string): PlanNode[] {
  const nodes: PlanNode[] = [];
  const visit = (raw: unknown) => {
    if (!raw || typeof raw !== 'object') return;
    const node = raw as RawPlanNode;
    if (typeof node['Node Type'] === 'string') {
      nodes.push({
        nodeType: node['Node Type'],
        indexName: typeof node['Index Name'] === 'string' ? node['Index Name'] : undefined,
        relationName: typeof node['Relation Name'] === 'string' ? node['Relation Name'] : undefined,
      });
    }
    if (Array.isArray(node.Plans)) node.Plans.forEach(visit);
  };
  const document: unknown = JSON.parse(explainJson);
  for (const statement of Array.isArray(document) ? document : [document]) {
    if (statement && typeof statement === 'object' && 'Plan' in statement) visit(statement.Plan);
  }
  return nodes;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/** A node matches a check's item by its node type or its index name (letter case ignored). */
export const nodeMatches = (node: PlanNode, item: string) =>
  same(node.nodeType, item) || (node.indexName !== undefined && same(node.indexName, item));

function describeNode(node: PlanNode, item: string): string {
  if (node.indexName !== undefined && same(node.indexName, item)) {
    return `the index ${node.indexName}${node.relationName ? ` on ${node.relationName}` : ''}`;
  }
  return `${withArticle(node.nodeType)}${node.relationName ? ` on ${node.relationName}` : ''}`;
}

/** What is wrong with a plan under a plan check; empty when it passes. */
export function evaluatePlan(
  nodes: PlanNode[],
  check: Pick<PlanCheck, 'contains' | 'excludes'>,
): string[] {
  const messages: string[] = [];
  for (const item of check.contains ?? []) {
    if (nodes.some((node) => nodeMatches(node, item))) continue;
    const looksLikeNodeType = /\s/.test(item) || /^[A-Z]/.test(item);
    messages.push(
      looksLikeNodeType
        ? `The plan does not use ${withArticle(item)}`
        : `The plan does not use the index ${item}`,
    );
  }
  for (const item of check.excludes ?? []) {
    const found = nodes.filter((node) => nodeMatches(node, item));
    for (const node of found) messages.push(`The plan still uses ${describeNode(node, item)}`);
  }
  return messages;
}
