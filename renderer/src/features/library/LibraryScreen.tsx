// The Library: import files (button or drop), see what came in, fix what did not.
import { plural } from '../../common/format.ts';
import { useState } from 'react';
import { useFileDrop } from '../../common/file-drop.ts';
import { db } from '../../db/database.ts';
import { useLiveQuery } from '../../common/live-query.ts';
import type { SourceRow } from '../../db/rows.ts';
import { platform } from '../../platform/index.ts';
import { filesToPayloads } from '../../platform/files.ts';
import { useStatus } from '../../common/status.ts';
import { describeProgress, useImportRunner } from './import-runner.ts';
import { ImportResults } from './ImportResults.tsx';
import { SourcesTable } from './SourcesTable.tsx';
import { ProblemsList, shownProblems } from './ProblemsList.tsx';
import { RemoveSourceDialog } from './RemoveSourceDialog.tsx';
import { describeRemoval, removeSource } from './remove-source.ts';
import { problemsCsvBytes } from '../../../../shared/formats/problems-csv.ts';
import { getAnnotator, getSetting, setSetting } from '../../db/settings.ts';
import { bindSource, describeBind } from './bind.ts';
import { BindSourceDialog } from './BindSourceDialog.tsx';
import { chooseLater, RubricPicker } from './RubricPicker.tsx';
import './library.css';

function useLibrary() {
  return useLiveQuery(
    async () => {
      const database = db();
      const annotator = await getAnnotator(database);
      const [sources, transcripts, queue, problemTotal, problems, rubrics, chosen] = await Promise.all([
        database.sources.orderBy('importedAt').reverse().toArray(),
        database.transcripts.toArray(),
        database.queue.where('annotatorId').equals(annotator.id).toArray(),
        database.importProblems.count(),
        database.importProblems.limit(shownProblems).toArray(),
        database.rubrics.toArray(),
        getSetting(database, 'activeRubricHash'),
      ]);
      const queuedTranscripts = new Set(queue.map((q) => q.transcriptId));
      const unqueued = new Map<string, number>();
      for (const t of transcripts) if (!queuedTranscripts.has(t.id)) unqueued.set(t.sourceId, (unqueued.get(t.sourceId) ?? 0) + 1);
      const todo = queue.filter((q) => q.status === 'todo').length;
      const waiting = [...unqueued.values()].reduce((n, c) => n + c, 0);
      // The last choice only counts while that rubric is still here.
      const choice = chosen && rubrics.some((r) => r.hash === chosen) ? chosen : chooseLater;
      return { sources, transcripts: transcripts.length, queued: queue.length, todo, waiting, unqueued, problemTotal, problems, rubrics, choice };
    },
    [],
  );
}

export function LibraryScreen() {
  const library = useLibrary();
  const { running, progress, outcomes, run, pickAndRun, cancel, dismiss } = useImportRunner();
  const say = useStatus((s) => s.say);
  const [removing, setRemoving] = useState<SourceRow | null>(null);
  const [binding, setBinding] = useState<SourceRow | null>(null);
  const [removal, setRemoval] = useState<string>();

  const { dragging, handlers: dropHandlers } = useFileDrop((files) => {
    if (!running) void filesToPayloads(files).then(run);
  });

  const confirmRemove = async (source: SourceRow) => {
    setRemoving(null);
    try {
      const message = describeRemoval(await removeSource(source.id));
      setRemoval(message);
      say(`Removed ${source.name}`, 'ok');
    } catch (err) {
      say(`Could not remove ${source.name}: ${err instanceof Error ? err.message : String(err)}`, 'danger');
    }
  };

  const confirmBind = async (source: SourceRow, rubricHash: string | null) => {
    setBinding(null);
    try {
      const result = await bindSource(source.id, rubricHash);
      const rubric = rubricHash ? (library?.rubrics.find((r) => r.hash === rubricHash) ?? null) : null;
      setRemoval(`${source.name}: ${describeBind(result, rubric)}`);
      say(`Queue updated for ${source.name}`, 'ok');
    } catch (err) {
      say(`Could not queue ${source.name}: ${err instanceof Error ? err.message : String(err)}`, 'danger');
    }
  };

  const chooseDefault = async (hash: string) => {
    if (hash === chooseLater) await db().settings.delete('activeRubricHash');
    else await setSetting(db(), 'activeRubricHash', hash);
  };

  const exportProblems = async () => {
    const all = await db().importProblems.toArray();
    const saved = await platform.saveFile({ suggestedName: 'import-problems.csv', bytes: problemsCsvBytes(all) });
    if (saved) say(`Saved ${plural(all.length, 'problem')} to ${saved}`, 'ok');
  };

  return (
    <div
      className="screen library"
      data-dragging={dragging || undefined}
      {...dropHandlers}
    >
      <div className="screen-head">
        <h1>Library</h1>
        {library ? (
          <span className="muted">
            {plural(library.sources.length, 'source')} · {plural(library.transcripts, 'transcript')} · {library.queued} in queue ({library.todo} to do)
            {library.waiting ? ` · ${library.waiting} waiting for a rubric` : ''}
          </span>
        ) : null}
        <div className="actions">
          {library ? (
            <div className="bind-default" title="A rubric that comes in the same file as a transcript (HealthBench) is always used for it.">
              <label htmlFor="import-rubric">Queue imported transcripts against</label>
              <RubricPicker id="import-rubric" rubrics={library.rubrics} value={library.choice} onChange={(h) => void chooseDefault(h)} laterLabel="No rubric yet (choose later)" />
            </div>
          ) : null}
          <span className="faint drop-hint">or drop files here</span>
          <button type="button" className="btn btn-primary" onClick={() => void pickAndRun()} disabled={running}>
            Import files…
          </button>
        </div>
      </div>

      {running && progress ? (
        <div className="import-progress panel" role="status">
          <span className="spinner" aria-hidden="true" />
          <span className="grow">{describeProgress(progress)}</span>
          <button type="button" className="btn btn-sm" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}

      <ImportResults outcomes={outcomes} {...(running ? {} : { onDismiss: dismiss })} />

      {removal ? (
        <div className="notice panel" role="status">
          <span className="grow">{removal}</span>
          <button type="button" className="btn btn-quiet btn-sm" onClick={() => setRemoval(undefined)}>
            Dismiss
          </button>
        </div>
      ) : null}

      <section className="panel">
        <div className="panel-head">
          <h2>Sources</h2>
          <span className="muted">files imported into this desk</span>
        </div>
        {library ? (
          <SourcesTable sources={library.sources} unqueued={library.unqueued} onRemove={setRemoving} onBind={setBinding} />
        ) : (
          <p className="empty">Loading…</p>
        )}
      </section>

      <section className="panel">
        <div className="panel-head">
          <h2>Import problems</h2>
          {library?.problemTotal ? <span className="badge badge-warn">{library.problemTotal}</span> : null}
          <button type="button" className="btn btn-sm" style={{ marginLeft: 'auto' }} onClick={() => void exportProblems()} disabled={!library?.problemTotal}>
            Export CSV
          </button>
        </div>
        {library ? <ProblemsList problems={library.problems} total={library.problemTotal} /> : null}
      </section>

      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop to import</p>
        </div>
      ) : null}

      <BindSourceDialog
        source={binding}
        rubrics={library?.rubrics ?? []}
        initial={library?.choice ?? chooseLater}
        onCancel={() => setBinding(null)}
        onConfirm={(source, hash) => void confirmBind(source, hash)}
      />
      <RemoveSourceDialog source={removing} onCancel={() => setRemoving(null)} onConfirm={(s) => void confirmRemove(s)} />
    </div>
  );
}
