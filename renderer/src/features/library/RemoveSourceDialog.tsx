// Confirms removing a source and says plainly what stays.
import * as Dialog from '@radix-ui/react-dialog';
import type { SourceRow } from '../../db/rows.ts';

export function RemoveSourceDialog({ source, onCancel, onConfirm }: { source: SourceRow | null; onCancel: () => void; onConfirm: (s: SourceRow) => void }) {
  return (
    <Dialog.Root open={source !== null} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title asChild>
            <h2>Remove {source?.name}?</h2>
          </Dialog.Title>
          <Dialog.Description asChild>
            <div className="stack muted">
              <p>Its transcripts, their untouched queue items and its import problems leave the library.</p>
              <p>Annotations are kept, and so are queue items already started; re-importing the same file brings their transcripts back.</p>
            </div>
          </Dialog.Description>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn">
                Keep it
              </button>
            </Dialog.Close>
            <button type="button" className="btn btn-danger solid" onClick={() => source && onConfirm(source)}>
              Remove source
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
