// "?" opens the keyboard sheet, generated from the keymap's own table.
import * as Dialog from '@radix-ui/react-dialog';
import { KEY_HELP } from './keymap.ts';
import { useReview } from './store.ts';

export function CheatSheet() {
  const open = useReview((s) => s.helpOpen);
  return (
    <Dialog.Root open={open} onOpenChange={(helpOpen) => useReview.setState({ helpOpen })}>
      <Dialog.Portal>
        <Dialog.Overlay className="rv-overlay" />
        <Dialog.Content className="rv-sheet" aria-describedby={undefined}>
          <div className="rv-sheet-head">
            <Dialog.Title className="rv-h1">Keyboard</Dialog.Title>
            <Dialog.Close className="rv-button rv-quiet">
              Close <kbd>Esc</kbd>
            </Dialog.Close>
          </div>
          <p className="rv-muted">
            Letter keys act only when no text box has focus. In a text box, Esc leaves it and Ctrl/⌘+Enter submits. Work is saved as you go.
          </p>
          <div className="rv-sheet-grid">
            {KEY_HELP.map((group) => (
              <section key={group.title}>
                <h2 className="rv-h2">{group.title}</h2>
                <table className="rv-keys">
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
