// Names of facets and their values as the auditor reads them.
import type { FacetField } from '../../logs/engine/contract.ts';
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
