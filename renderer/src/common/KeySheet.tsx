// The "?" keyboard sheet, one component for every screen: each screen passes its own
// table (generated from the same place its keymap lives), so the sheet cannot drift.
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import './key-sheet.css';

export interface KeyHelpGroup {
  title: string;
  rows: { keys: string[]; what: string }[];
}

export function KeySheet({ open, onOpenChange, groups, intro, title = 'Keyboard' }: { open: boolean; onOpenChange: (open: boolean) => void; groups: readonly KeyHelpGroup[]; intro: ReactNode; title?: string }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="key-sheet-overlay" />
        <Dialog.Content className="key-sheet" aria-describedby={undefined}>
          <div className="key-sheet-head">
            <Dialog.Title className="key-sheet-title">{title}</Dialog.Title>
            <Dialog.Close className="btn btn-quiet btn-sm">
              Close <kbd>Esc</kbd>
            </Dialog.Close>
          </div>
          <p className="key-sheet-intro">{intro}</p>
          <div className="key-sheet-grid">
            {groups.map((group) => (
              <section key={group.title} aria-label={group.title}>
                <h2 className="key-sheet-h2">{group.title}</h2>
                <table className="key-sheet-keys">
                  <tbody>
                    {group.rows.map((row) => (
                      <tr key={row.what}>
                        <td>
                          {row.keys.map((k) => (
                            <kbd key={k}>{k}</kbd>
                          ))}
                        </td>
                        <td>{row.what}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
