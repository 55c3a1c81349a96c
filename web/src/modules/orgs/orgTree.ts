import type { OrgView } from '../../api/types';

export type OrgNode = { org: OrgView; children: OrgNode[] };

const LEVEL_RANK: Record<string, number> = { national: 0, province: 1, city: 2, county: 3 };
const KIND_RANK: Record<OrgView['kind'], number> = { platform: 0, regulator: 1, institution: 2, enterprise: 3 };

/** Bureaus first (by level, then region code), then institutions, then enterprises; names break ties. */
export function compareOrgs(a: OrgView, b: OrgView): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (LEVEL_RANK[a.level ?? ''] ?? 9) - (LEVEL_RANK[b.level ?? ''] ?? 9) ||
    (a.regionCode ?? '').localeCompare(b.regionCode ?? '') ||
    a.name.localeCompare(b.name, 'zh-CN')
  );
}

/**
 * The org tree from a flat, scoped list. An org whose parent is outside the
 * caller's scope (a province bureau's parent, the national bureau) becomes a root.
 */
export function buildOrgTree(orgs: readonly OrgView[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(orgs.map((org) => [org.id, { org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => compareOrgs(a.org, b.org));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Keeps the nodes whose name contains the text, with their ancestors so they stay in place. */
export function filterOrgTree(roots: readonly OrgNode[], text: string): OrgNode[] {
  const needle = text.trim();
  if (!needle) return [...roots];
  const keep = (node: OrgNode): OrgNode | null => {
    const children = node.children.map(keep).filter((n): n is OrgNode => n !== null);
    return node.org.name.includes(needle) || children.length ? { org: node.org, children } : null;
  };
  return roots.map(keep).filter((n): n is OrgNode => n !== null);
}

/** Ids of every node with children, to expand a filtered tree fully. */
export function branchIds(roots: readonly OrgNode[]): string[] {
  const out: string[] = [];
  const walk = (n: OrgNode) => {
    if (n.children.length) out.push(n.org.id);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** The level a bureau created below this one gets, or null when nothing can be created below it. */
export function childLevel(org: OrgView): 'province' | 'city' | 'county' | null {
  if (org.kind !== 'regulator') return null;
  if (org.level === 'national') return 'province';
  if (org.level === 'province') return 'city';
  if (org.level === 'city') return 'county';
  return null;
}
