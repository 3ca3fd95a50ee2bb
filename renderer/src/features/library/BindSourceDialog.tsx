// Queue every transcript of one source against a rubric (or take them out to choose later).
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { plural } from '../../common/format.ts';
import type { RubricRow, SourceRow } from '../../db/rows.ts';
import { chooseLater, RubricPicker } from './RubricPicker.tsx';

export function BindSourceDialog({
  source,
  rubrics,
  initial,
  onCancel,
  onConfirm,
}: {
  source: SourceRow | null;
  rubrics: readonly RubricRow[];
  /** The rubric preselected (the desk's last choice), or chooseLater. */
  initial: string;
  onCancel: () => void;
  onConfirm: (source: SourceRow, rubricHash: string | null) => void;
}) {
  const [choice, setChoice] = useState(initial);
  useEffect(() => setChoice(initial), [source, initial]);
  const transcripts = source?.transcriptCount;
  return (
    <Dialog.Root open={source !== null} onOpenChange={(next) => !next && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title asChild>
            <h2>Queue {source?.name} against…</h2>
          </Dialog.Title>
          <Dialog.Description asChild>
            <p className="muted">
              {transcripts === undefined ? 'Its transcripts' : `Its ${plural(transcripts, 'transcript')}`} will be reviewed against this rubric. Untouched
              queue items move to it; reviews already started stay on their rubric, with their work.
            </p>
          </Dialog.Description>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              if (source) onConfirm(source, choice === chooseLater ? null : choice);
            }}
          >
            <label className="field-label" htmlFor="bind-rubric">
              Rubric
            </label>
            <RubricPicker id="bind-rubric" rubrics={rubrics} value={choice} onChange={setChoice} laterLabel="None: take untouched items out of the queue" />
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="btn">
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="btn btn-primary">
                {choice === chooseLater ? 'Take out of the queue' : 'Queue against this rubric'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
