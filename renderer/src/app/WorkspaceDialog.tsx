// Who is annotating, and which workspace is open: rename yourself, start an empty
// workspace (its own database), or go back to the demo. Nothing is deleted by switching.
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useId, useState } from 'react';
import { db } from '../db/database.ts';
import { getAnnotator, setSetting, type Annotator } from '../db/settings.ts';
import { chooseWorkspace, createWorkspace, currentDbName, listWorkspaces, type WorkspaceEntry } from '../db/workspaces.ts';
import { flushSaves } from '../features/review/actions.ts';
import { useStatus } from '../common/status.ts';

/** Saves what is pending, then reopens the app on `dbName`. */
async function switchTo(dbName: string): Promise<void> {
  await flushSaves();
  chooseWorkspace(dbName);
  location.reload();
}

export function WorkspaceDialog({ title, annotator }: { title: string | undefined; annotator: Annotator | undefined }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(annotator?.name ?? '');
  const [newTitle, setNewTitle] = useState('');
  const [error, setError] = useState<string>();
  const [workspaces, setWorkspaces] = useState<WorkspaceEntry[]>([]);
  const say = useStatus((s) => s.say);
  const nameId = useId();
  const newId = useId();
  const current = currentDbName();

  useEffect(() => {
    if (!open) return;
    setName(annotator?.name ?? '');
    setNewTitle('');
    setError(undefined);
    setWorkspaces(listWorkspaces());
  }, [open, annotator?.name]);

  const saveName = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Your name cannot be empty.');
    const who = await getAnnotator(db());
    await setSetting(db(), 'annotator', { ...who, name: trimmed });
    setError(undefined);
    say(`You are now annotating as ${trimmed}`, 'ok');
  };

  const create = async () => {
    try {
      const who = await getAnnotator(db());
      const entry = await createWorkspace(newTitle, { ...who, name: name.trim() || who.name });
      await switchTo(entry.db);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const label = (w: WorkspaceEntry) => (w.db === current && title ? title : w.title);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="workspace-button" aria-label={`Workspace and annotator: ${title ?? 'workspace'}, ${annotator?.name ?? ''}`}>
          {title ? (
            <span className="workspace" data-testid="workspace-title">
              {title}
            </span>
          ) : null}
          {annotator ? (
            <>
              <span className="sep" aria-hidden="true" />
              <span data-testid="annotator">{annotator.name}</span>
            </>
          ) : null}
          <span aria-hidden="true" className="workspace-caret">
            ▾
          </span>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog workspace-dialog">
          <Dialog.Title asChild>
            <h2>Workspace</h2>
          </Dialog.Title>
          <Dialog.Description className="muted">
            Each workspace keeps its own files, queue and reviews. Switching deletes nothing.
          </Dialog.Description>

          <form
            className="workspace-section"
            onSubmit={(e) => {
              e.preventDefault();
              void saveName();
            }}
          >
            <label className="field-label" htmlFor={nameId}>
              Your name (recorded with your reviews)
            </label>
            <div className="row">
              <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
              <button type="submit" className="btn" disabled={!name.trim() || name.trim() === annotator?.name}>
                Save name
              </button>
            </div>
          </form>

          <section className="workspace-section" aria-labelledby={`${newId}-list`}>
            <h3 id={`${newId}-list`} className="field-label">
              Workspaces on this desk
            </h3>
            <ul className="workspace-list">
              {workspaces.map((w) => (
                <li key={w.db}>
                  <span className="grow">{label(w)}</span>
                  {w.db === current ? (
                    <span className="badge badge-accent">open</span>
                  ) : (
                    <button type="button" className="btn btn-sm" onClick={() => void switchTo(w.db)} aria-label={`Open ${label(w)}`}>
                      Open
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>

          <form
            className="workspace-section"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <label className="field-label" htmlFor={newId}>
              New empty workspace
            </label>
            <div className="row">
              <input id={newId} value={newTitle} onChange={(e) => setNewTitle(e.target.value)} placeholder="e.g. Cardiology pilot" />
              <button type="submit" className="btn btn-primary" disabled={!newTitle.trim()}>
                Create and open
              </button>
            </div>
          </form>

          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
