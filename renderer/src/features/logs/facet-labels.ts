// Names of facets and their values as the auditor reads them.
import type { FacetCount, FacetField } from '../../logs/engine/contract.ts';
import { decisionLabel } from './decision.ts';

export const facetTitles: Record<FacetField, string> = {
  decision: 'Decision',
  agent: 'Agent',
  subjectUser: 'On behalf of',
  tenant: 'Tenant',
  client: 'Client',
  mcpServer: 'MCP server',
  tool: 'Tool',
  targetService: 'Target service',
  actionClass: 'Action class',
  source: 'Source file',
};

/** Display order: decision first (the question most audits start with), then who, then what. */
export const facetOrder: FacetField[] = ['decision', 'agent', 'subjectUser', 'tenant', 'client', 'mcpServer', 'tool', 'targetService', 'actionClass', 'source'];

export function facetValueLabel(field: FacetField, value: string, sourceName: (id: string) => string): string {
  if (value === '') return '(not set)';
  if (field === 'source') return sourceName(value);
  if (field === 'decision') return decisionLabel(value).text;
  if (field === 'actionClass') return value.replace(/_/g, ' ');
  return value;
}

/** Which facet fields a source ever fills (`set`) and which it leaves empty in some records (`empty`). */
export interface FieldPresence {
  sourceId: string;
  set: ReadonlySet<FacetField>;
  empty: ReadonlySet<FacetField>;
}

/** From a source's own facet counts (filter: that source only). */
export function presenceOf(sourceId: string, counts: Partial<Record<FacetField, FacetCount[]>>): FieldPresence {
  const set = new Set<FacetField>();
  const empty = new Set<FacetField>();
  for (const [field, values] of Object.entries(counts) as [FacetField, FacetCount[]][]) {
    if (values.some((v) => v.value !== '' && v.count > 0)) set.add(field);
    if (values.some((v) => v.value === '' && v.count > 0)) empty.add(field);
  }
  return { sourceId, set, empty };
}

export interface NotSetReason {
  /** A few words beside "(not set)". */
  short: string;
  /** The whole reason, for the tooltip and the accessible name. */
  long: string;
}

/**
 * Why a facet value is "(not set)" among the sources in the current result: a source that
 * never fills the field (its format has none, or the export left it out) is told apart from
 * one that fills it in some records and leaves it empty in others.
 */
export function notSetReason(field: FacetField, sourceIds: readonly string[], presence: readonly FieldPresence[], describeSource: (id: string) => string): NotSetReason | undefined {
  const title = facetTitles[field];
  const byId = new Map(presence.map((p) => [p.sourceId, p]));
  const known = sourceIds.map((id) => byId.get(id)).filter((p): p is FieldPresence => p !== undefined);
  const never = known.filter((p) => !p.set.has(field));
  const sometimes = known.filter((p) => p.set.has(field) && p.empty.has(field));
  if (!never.length && !sometimes.length) return undefined;
  const names = (ps: FieldPresence[]) => ps.map((p) => describeSource(p.sourceId)).join(', ');
  const lines: string[] = [];
  if (never.length) lines.push(`Not in the format: ${names(never)} never record${never.length === 1 ? 's' : ''} ${title} (the format has no such field, or the export left it out).`);
  if (sometimes.length) lines.push(`Empty in the record: ${names(sometimes)} record${sometimes.length === 1 ? 's' : ''} ${title} in some events and leave${sometimes.length === 1 ? 's' : ''} it empty in these.`);
  const short = never.length && sometimes.length ? 'not in format / empty' : never.length ? 'not in format' : 'empty in record';
  return { short, long: lines.join(' ') };
}
