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
import './library.css';

function useLibrary() {
  return useLiveQuery(
    async () => {
      const database = db();
      const [sources, transcripts, queued, todo, problemTotal, problems] = await Promise.all([
        database.sources.orderBy('importedAt').reverse().toArray(),
        database.transcripts.count(),
        database.queue.count(),
        database.queue.where('status').equals('todo').count(),
        database.importProblems.count(),
        database.importProblems.limit(shownProblems).toArray(),
      ]);
      return { sources, transcripts, queued, todo, problemTotal, problems };
    },
    [],
  );
}

export function LibraryScreen() {
  const library = useLibrary();
  const { running, progress, outcomes, run, pickAndRun, cancel, dismiss } = useImportRunner();
  const say = useStatus((s) => s.say);
  const [removing, setRemoving] = useState<SourceRow | null>(null);
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
          </span>
        ) : null}
        <div className="actions">
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
        {library ? <SourcesTable sources={library.sources} onRemove={setRemoving} /> : <p className="empty">Loading…</p>}
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

      <RemoveSourceDialog source={removing} onCancel={() => setRemoving(null)} onConfirm={(s) => void confirmRemove(s)} />
    </div>
  );
}
