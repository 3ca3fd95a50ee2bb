// An in-memory LogEngine for the workbench's unit tests only (the app uses the real
// worker engine). Same filter semantics as the contract: OR within a facet, AND across.
import {
  facetFields,
  type EventAnnotation,
  type EventFilter,
  type EventRow,
  type FacetCount,
  type FacetField,
  type HistogramBucket,
  type IngestJob,
  type IngestOptions,
  type IngestSource,
  type LineProblem,
  type LogEngine,
  type LogSource,
} from '../../../renderer/src/logs/engine/contract.ts';

export function row(n: number, patch: Partial<EventRow> = {}): EventRow {
  return {
    row: n,
    id: `src-a:${n + 1}`,
    time: Date.UTC(2026, 10, 2, 12, 0, 0) * 1000 + n * 60e6,
    source: 'src-a',
    actionNative: 'tools/call',
    actionClass: 'tool_call',
    outcome: 'success',
    decision: 'allow',
    agent: 'agent-carecoord',
    subjectUser: 'rn.grace.obi',
    tenant: 'stmarys',
    client: 'carecoord',
    mcpServer: 'ehr-mcp',
    tool: 'read_chart',
    targetService: 'ehr',
    operation: 'read',
    scopes: 'chart.read',
    traceId: '',
    toolCallId: '',
    ip: '10.0.0.1',
    starred: false,
    tags: [],
    hasComment: false,
    ...patch,
  };
}

export class FakeEngine implements LogEngine {
  notes = new Map<string, EventAnnotation>();
  calls: string[] = [];
  constructor(
    public rows: EventRow[],
    public sourceList: LogSource[] = [],
    public problemList: LineProblem[] = [],
  ) {}

  private annotated(r: EventRow): EventRow {
    const a = this.notes.get(r.id);
    return a ? { ...r, starred: a.starred, tags: a.tags, hasComment: a.comment !== '' } : r;
  }

  private matches(r: EventRow, f: EventFilter): boolean {
    if (f.timeFrom !== undefined && r.time < f.timeFrom) return false;
    if (f.timeTo !== undefined && r.time >= f.timeTo) return false;
    for (const field of facetFields) {
      const values = f.facets?.[field];
      if (values?.length && !values.includes(String(r[field]))) return false;
    }
    if (f.text && !JSON.stringify(r).toLowerCase().includes(f.text.toLowerCase())) return false;
    const a = this.annotated(r);
    if (f.starred && !a.starred) return false;
    if (f.tag && !a.tags.includes(f.tag)) return false;
    if (f.commented && !a.hasComment) return false;
    return true;
  }

  async open() {
    return { events: this.rows.length, sources: this.sourceList };
  }
  // Optional parts of the contract; tests attach them when a flow needs them.
  savedViews?: LogEngine['savedViews'];
  saveView?: LogEngine['saveView'];
  deleteView?: LogEngine['deleteView'];

  ingest(_file: (Blob & { name: string }) | IngestSource, _options?: IngestOptions): IngestJob {
    return { done: Promise.resolve({ source: null, status: 'rejected', message: 'fake' }), cancel() {} };
  }
  async sources() {
    return this.sourceList;
  }
  async removeSource(id: string) {
    this.rows = this.rows.filter((r) => r.source !== id);
  }
  async problems(sourceId?: string) {
    return this.problemList.filter((p) => !sourceId || p.sourceId === sourceId);
  }
  async query(filter: EventFilter, sort: 'time-asc' | 'time-desc', offset: number, limit: number) {
    this.calls.push(`query ${JSON.stringify(filter)}`);
    const hits = this.rows.filter((r) => this.matches(r, filter)).map((r) => this.annotated(r));
    hits.sort((a, b) => (sort === 'time-asc' ? a.time - b.time : b.time - a.time));
    return { total: hits.length, rows: hits.slice(offset, offset + limit) };
  }
  async facets(filter: EventFilter) {
    this.calls.push(`facets ${JSON.stringify(filter)}`);
    const out = {} as Record<FacetField, FacetCount[]>;
    const hits = this.rows.filter((r) => this.matches(r, filter));
    for (const field of facetFields) {
      const counts = new Map<string, number>();
      for (const r of hits) counts.set(String(r[field]), (counts.get(String(r[field])) ?? 0) + 1);
      out[field] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
    }
    return out;
  }
  async histogram(filter: EventFilter, buckets: number): Promise<HistogramBucket[]> {
    const hits = this.rows.filter((r) => this.matches(r, filter));
    if (!hits.length) return [];
    const min = Math.min(...hits.map((r) => r.time));
    const max = Math.max(...hits.map((r) => r.time)) + 1;
    const width = Math.max(1, Math.ceil((max - min) / buckets));
    const out = Array.from({ length: buckets }, (_, i) => ({ start: min + i * width, end: min + (i + 1) * width, allow: 0, deny: 0, challenge: 0, other: 0 }));
    for (const r of hits) {
      const b = out[Math.min(buckets - 1, Math.floor((r.time - min) / width))]!;
      const k = r.decision === 'allow' || r.decision === 'deny' || r.decision === 'challenge' ? r.decision : 'other';
      b[k] += 1;
    }
    return out;
  }
  async timeRange() {
    if (!this.rows.length) return null;
    return { min: Math.min(...this.rows.map((r) => r.time)), max: Math.max(...this.rows.map((r) => r.time)) };
  }
  async event(n: number) {
    const r = this.rows.find((x) => x.row === n);
    if (!r) throw new Error(`no row ${n}`);
    return { row: this.annotated(r), normalized: { id: r.id, actor: { id: r.agent, type: 'agent' }, subjectUser: r.subjectUser }, raw: JSON.stringify({ id: r.id }), rawSha256: 'sha256:00', line: n + 1 };
  }
  async surrounding(n: number, by: 'agent' | 'session', windowUs: number) {
    const r = this.rows.find((x) => x.row === n)!;
    return this.rows.filter((x) => (by === 'agent' ? x.agent === r.agent : true) && Math.abs(x.time - r.time) <= windowUs);
  }
  async annotate(eventId: string, patch: Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>) {
    const prev = this.notes.get(eventId) ?? { eventId, starred: false, tags: [], comment: '', updatedAt: '' };
    const next = { ...prev, ...patch, eventId, updatedAt: new Date().toISOString() };
    this.notes.set(eventId, next);
    return next;
  }
}
