// The one shape of every "are you sure?" in the app: a title, what will happen, a way
// back (Escape or the cancel button), and the actions.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export function ConfirmDialog({
  open,
  onDismiss,
  title,
  description,
  cancelLabel,
  actions,
  alert = false,
}: {
  open: boolean;
  onDismiss: () => void;
  title: ReactNode;
  /** One element (Radix renders it as the dialog's description). */
  description: ReactNode;
  cancelLabel: string;
  actions: ReactNode;
  /** An interruption the user must answer: role alertdialog instead of Radix's dialog. */
  alert?: boolean;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onDismiss()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" {...(alert ? { role: 'alertdialog' } : {})}>
          <Dialog.Title asChild>
            <h2>{title}</h2>
          </Dialog.Title>
          <Dialog.Description asChild>{description}</Dialog.Description>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn">
                {cancelLabel}
              </button>
            </Dialog.Close>
            {actions}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
