// Confirms removing a source and says plainly what stays.
import { ConfirmDialog } from '../../common/ConfirmDialog.tsx';
import type { SourceRow } from '../../db/rows.ts';

export function RemoveSourceDialog({ source, onCancel, onConfirm }: { source: SourceRow | null; onCancel: () => void; onConfirm: (s: SourceRow) => void }) {
  return (
    <ConfirmDialog
      open={source !== null}
      onDismiss={onCancel}
      title={`Remove ${source?.name}?`}
      description={
        <div className="stack muted">
          <p>Its transcripts, their untouched queue items and its import problems leave the library.</p>
          <p>Annotations are kept, and so are queue items already started; re-importing the same file brings their transcripts back.</p>
        </div>
      }
      cancelLabel="Keep it"
      actions={
        <button type="button" className="btn btn-danger solid" onClick={() => source && onConfirm(source)}>
          Remove source
        </button>
      }
    />
  );
}
