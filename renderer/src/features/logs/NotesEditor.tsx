// Star, tags and a comment on one event: the auditor's notes, shown apart from the
// evidence and saved beside it (engine.annotate); the raw record is never touched.
import { useEffect, useState } from 'react';
import type { EventAnnotation, EventRow } from '../../logs/engine/contract.ts';
import { annotateEvent, cleanTags } from './annotate.ts';
import { useLogsUi } from './store.ts';

export function NotesEditor({ row, initial }: { row: EventRow; initial: EventAnnotation | undefined }) {
  const session = useLogsUi((s) => s.annotations[row.id]);
  const known = session ?? initial;
  const starred = known?.starred ?? row.starred;
  const tags = known?.tags ?? row.tags;
  const savedComment = known?.comment ?? '';
  const [comment, setComment] = useState(savedComment);
  const [tagDraft, setTagDraft] = useState('');
  const [state, setState] = useState<{ saving: boolean; error?: string; savedAt?: string }>({ saving: false });

  useEffect(() => setComment(savedComment), [row.id, savedComment]);

  const save = async (patch: Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>) => {
    setState({ saving: true });
    try {
      const a = await annotateEvent(row.id, patch);
      setState({ saving: false, savedAt: a.updatedAt });
    } catch (err) {
      setState({ saving: false, error: err instanceof Error ? err.message : String(err) });
    }
  };

  const addTag = () => {
    const next = cleanTags([...tags, ...tagDraft.split(',')]);
    setTagDraft('');
    if (next.length !== tags.length) void save({ tags: next });
  };

  return (
    <section className="lg-notes-editor" aria-label="Auditor notes">
      <div className="lg-notes-head">
        <h3>Auditor notes</h3>
        <span className="faint">kept apart from the evidence</span>
        <button type="button" className="btn btn-sm lg-starbtn" aria-pressed={starred} onClick={() => void save({ starred: !starred })}>
          <span aria-hidden="true">{starred ? '★' : '☆'}</span> {starred ? 'Starred' : 'Star'}
        </button>
      </div>
      <div className="lg-tags">
        <ul aria-label="Tags">
          {tags.map((t) => (
            <li key={t} className="lg-chip">
              <span className="lg-chip-label">{t}</span>
              <button type="button" className="lg-chip-x" aria-label={`Remove tag ${t}`} onClick={() => void save({ tags: tags.filter((x) => x !== t) })}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            addTag();
          }}
        >
          <label htmlFor="lg-tag-input" className="sr-only">
            Add tag
          </label>
          <input id="lg-tag-input" type="text" placeholder="add tag…" value={tagDraft} onChange={(e) => setTagDraft(e.target.value)} maxLength={200} />
          <button type="submit" className="btn btn-sm" disabled={!tagDraft.trim()}>
            Add
          </button>
        </form>
      </div>
      <div className="field">
        <label htmlFor="lg-comment">Comment</label>
        <textarea
          id="lg-comment"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          // Leaving the field saves it, so moving to another event never drops a comment.
          onBlur={() => comment !== savedComment && !state.saving && void save({ comment })}
          maxLength={10_000}
        />
      </div>
      <div className="row">
        <button type="button" className="btn btn-sm btn-primary" disabled={comment === savedComment || state.saving} onClick={() => void save({ comment })}>
          Save comment
        </button>
        {state.error ? <span className="error">Not saved: {state.error}</span> : null}
        {!state.error && comment !== savedComment ? <span className="warn-text">unsaved</span> : null}
        {!state.error && comment === savedComment && state.savedAt ? <span className="ok-text">saved</span> : null}
      </div>
    </section>
  );
}
