// @vitest-environment jsdom
// Workbench flows against the in-memory fake engine: facet counting, imports with
// progress and cancel (keep / discard), saved views with and without engine storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestOptions, IngestResult, LogSource } from '../../../renderer/src/logs/engine/contract.ts';
import { useLogEngine } from '../../../renderer/src/features/logs/engine-instance.ts';
import { disjunctiveFacets } from '../../../renderer/src/features/logs/queries.ts';
import { useImports } from '../../../renderer/src/features/logs/import-store.ts';
import { deleteView, listViews, saveView } from '../../../renderer/src/features/logs/engine-ports.ts';
import { useLogsUi } from '../../../renderer/src/features/logs/store.ts';
import { FakeEngine, row } from './fake-engine.ts';

const rows = [
  row(0, { decision: 'allow', agent: 'a1' }),
  row(1, { decision: 'deny', agent: 'a1' }),
  row(2, { decision: 'deny', agent: 'a2' }),
  row(3, { decision: 'challenge', agent: 'a2' }),
  row(4, { decision: 'allow', agent: 'a3', subjectUser: '' }),
];

describe('facet counts', () => {
  it('count a selected facet without its own selection, every other facet with the whole filter', async () => {
    const engine = new FakeEngine(rows);
    const counts = await disjunctiveFacets(engine, { facets: { decision: ['deny'] } });
    // Decision keeps all its values (so "allow" can be added: OR within the facet) …
    expect(counts.decision).toEqual(expect.arrayContaining([{ value: 'allow', count: 2 }, { value: 'deny', count: 2 }, { value: 'challenge', count: 1 }]));
    // … while Agent follows the deny filter (AND across facets).
    expect(counts.agent).toEqual(expect.arrayContaining([{ value: 'a1', count: 1 }, { value: 'a2', count: 1 }]));
    expect(counts.agent.find((c) => c.value === 'a3')).toBeUndefined();
  });

  it('with two facets selected, each is counted under the other', async () => {
    const engine = new FakeEngine(rows);
    const counts = await disjunctiveFacets(engine, { facets: { decision: ['deny'], agent: ['a2'] } });
    expect(counts.decision).toEqual(expect.arrayContaining([{ value: 'deny', count: 1 }, { value: 'challenge', count: 1 }]));
    expect(counts.agent).toEqual(expect.arrayContaining([{ value: 'a1', count: 1 }, { value: 'a2', count: 1 }]));
    expect(counts.subjectUser).toEqual([{ value: 'rn.grace.obi', count: 1 }]);
  });
});

/** An engine whose single ingest is driven by the test. */
function drivenEngine() {
  const engine = new FakeEngine(rows);
  let finish!: (r: IngestResult) => void;
  let options: IngestOptions | undefined;
  const cancel = vi.fn();
  engine.ingest = (_file, o) => {
    options = o;
    return { done: new Promise<IngestResult>((r) => (finish = r)), cancel };
  };
  const removeSource = vi.spyOn(engine, 'removeSource');
  return { engine, cancel, removeSource, finish: (r: IngestResult) => finish(r), progress: (events: number) => options?.onProgress?.({ sourceName: 'x', bytesRead: events * 10, bytesTotal: 1000, events, problems: 0, rate: 500, remaining: 3 }), options: () => options };
}

const partial: LogSource = { id: 'src-p', name: 'big.jsonl', format: 'okta-system-log', size: 1000, sha256: '', eventCount: 40, errorCount: 0, importedAt: '2026-01-01T00:00:00Z', state: 'partial' };

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

describe('imports', () => {
  beforeEach(() => {
    useImports.setState({ staged: [], queue: [], running: null, askingCancel: false, cancelChoice: null, reports: [] });
  });

  it('shows progress, and a cancel the auditor asks to discard removes the partial source', async () => {
    const d = drivenEngine();
    useLogEngine(d.engine);
    const version = useLogsUi.getState().dataVersion;
    const done = useImports.getState().ingest([new File(['{}'], 'big.jsonl')]);
    await settle();
    expect(d.options()).toMatchObject({ onCancel: 'keep' }); // decided later, by asking
    d.progress(40);
    expect(useImports.getState().running?.progress).toMatchObject({ events: 40, rate: 500, remaining: 3 });

    useImports.getState().askCancel();
    expect(useImports.getState().askingCancel).toBe(true);
    expect(d.cancel).not.toHaveBeenCalled(); // still running while the question shows
    useImports.getState().answerCancel('discard');
    expect(d.cancel).toHaveBeenCalledTimes(1);
    d.finish({ source: partial, status: 'cancelled' });
    const [report] = await done;
    expect(d.removeSource).toHaveBeenCalledWith('src-p');
    expect(report).toMatchObject({ status: 'cancelled', message: expect.stringContaining('discarded') });
    expect(useImports.getState().running).toBeNull();
    expect(useLogsUi.getState().dataVersion).toBeGreaterThan(version);
  });

  it('keeps a partial source when asked, and "continue" leaves the import running', async () => {
    const d = drivenEngine();
    useLogEngine(d.engine);
    const done = useImports.getState().ingest([new File(['{}'], 'big.jsonl')]);
    await settle();
    useImports.getState().askCancel();
    useImports.getState().answerCancel('continue');
    expect(d.cancel).not.toHaveBeenCalled();
    useImports.getState().askCancel();
    useImports.getState().answerCancel('keep');
    d.finish({ source: partial, status: 'cancelled' });
    const [report] = await done;
    expect(d.removeSource).not.toHaveBeenCalled();
    expect(report).toMatchObject({ partial: true, message: expect.stringContaining('kept 40 events') });
  });

  it('staged files carry the detector verdict and the auditor override to the engine', async () => {
    const d = drivenEngine();
    useLogEngine(d.engine);
    const line = JSON.stringify({ uuid: 'u1', published: '2026-11-02T11:58:42.115Z', eventType: 'user.session.start', actor: { id: 'x', type: 'User' }, outcome: { result: 'SUCCESS' } });
    useImports.getState().stage([new File([`${line}\n${line}\n`], 'okta.jsonl')]);
    await vi.waitFor(() => expect(useImports.getState().staged[0]?.detection).toMatchObject({ kind: 'access-log', format: 'okta-system-log' }));
    const key = useImports.getState().staged[0]!.key;
    useImports.getState().choose(key, { format: 'generic-jsonl' });
    useImports.getState().startStaged();
    await settle();
    expect(useImports.getState().staged).toEqual([]);
    expect(d.options()).toMatchObject({ format: 'generic-jsonl' });
    d.finish({ source: { ...partial, state: 'complete', eventCount: 2 }, status: 'imported' });
    await settle();
    expect(useImports.getState().reports[0]).toMatchObject({ status: 'imported', message: expect.stringContaining('2 events imported') });
  });

  it('an unrecognized file waits for the auditor to choose a reader', async () => {
    useLogEngine(new FakeEngine(rows));
    useImports.getState().stage([new File(['hello world, plain text'], 'notes.txt')]);
    await vi.waitFor(() => expect(useImports.getState().staged[0]?.detection?.kind).toBe('unknown'));
    useImports.getState().startStaged();
    expect(useImports.getState().staged).toHaveLength(1);
    expect(useImports.getState().queue).toHaveLength(0);
  });
});

describe('saved views', () => {
  beforeEach(() => localStorage.clear());

  it('use the engine store when it has one', async () => {
    const engine = new FakeEngine(rows);
    const stored: { id: string; name: string; filter: object; columns: string[]; createdAt: string }[] = [];
    engine.savedViews = async () => stored;
    engine.saveView = async (v) => {
      const saved = { ...v, id: `v${stored.length}`, createdAt: 'now' };
      stored.push(saved);
      return saved;
    };
    engine.deleteView = async (id) => {
      stored.splice(stored.findIndex((v) => v.id === id), 1);
    };
    useLogEngine(engine);
    await saveView({ name: 'Denied', filter: { facets: { decision: ['deny'] } }, columns: ['time', 'agent'] });
    expect(await listViews()).toMatchObject([{ name: 'Denied', filter: { facets: { decision: ['deny'] } } }]);
    await deleteView('v0');
    expect(await listViews()).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('fall back to this desk when the engine has none; a name saved again replaces its view', async () => {
    useLogEngine(new FakeEngine(rows));
    await saveView({ name: 'B view', filter: {}, columns: ['time'] });
    const first = await saveView({ name: 'A view', filter: { text: 'x' }, columns: ['time'] });
    const again = await saveView({ name: 'A view', filter: { text: 'y' }, columns: ['time'] });
    expect(again.id).toBe(first.id);
    const views = await listViews();
    expect(views.map((v) => [v.name, v.filter.text])).toEqual([
      ['A view', 'y'],
      ['B view', undefined],
    ]);
    await deleteView(first.id);
    expect((await listViews()).map((v) => v.name)).toEqual(['B view']);
  });
});
