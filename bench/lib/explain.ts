import type { BenchDb } from './backend.js';

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Sort Method'?: string;
  'Workers Planned'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Heap Fetches'?: number;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
};

type Explained = { Plan: PlanNode; 'Execution Time': number; 'Planning Time': number; JIT?: { Timing?: { Total?: number } } };

export type PlanSummary = { plan: string; executionMs: number; planningMs: number; jitMs: number | null };

/** PostgreSQL 18 reports actual rows as a per-loop average with decimals: totals are rounded. */
function describe(node: PlanNode): string {
  let label = node['Node Type'];
  if (node['Index Name']) label += ` using ${node['Index Name']}`;
  else if (node['Relation Name']) label += ` on ${node['Relation Name']}`;
  const details: string[] = [];
  if (node['Sort Method']) details.push(node['Sort Method']);
  if (node['Workers Planned']) details.push(`${node['Workers Planned']} workers`);
  if (node['Actual Rows'] !== undefined) details.push(`rows ${Math.round(node['Actual Rows'] * (node['Actual Loops'] ?? 1))}`);
  if (node['Rows Removed by Filter']) details.push(`filtered ${Math.round(node['Rows Removed by Filter'] * (node['Actual Loops'] ?? 1))}`);
  if (node['Heap Fetches'] !== undefined) details.push(`heap fetches ${node['Heap Fetches']}`);
  return details.length ? `${label} (${details.join(', ')})` : label;
}

/** One line per plan: the node chain, outermost first (branches in brackets). */
function chain(node: PlanNode): string {
  const children = node.Plans ?? [];
  if (children.length === 0) return describe(node);
  if (children.length === 1) return `${describe(node)} → ${chain(children[0]!)}`;
  return `${describe(node)} → [${children.map(chain).join(' | ')}]`;
}

/** EXPLAIN ANALYZE of a statement with its parameters, summarised. */
export async function explain(b: BenchDb, text: string, params: unknown[]): Promise<PlanSummary> {
  const rows = await b.raw.query<{ 'QUERY PLAN': Explained[] | string }>(`explain (analyze, timing off, format json) ${text}`, params);
  const value = rows[0]!['QUERY PLAN'];
  const [result] = (typeof value === 'string' ? JSON.parse(value) : value) as Explained[];
  return {
    plan: chain(result!.Plan),
    executionMs: result!['Execution Time'],
    planningMs: result!['Planning Time'],
    jitMs: result!.JIT?.Timing?.Total ?? null,
  };
}
