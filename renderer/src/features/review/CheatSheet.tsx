// "?" opens the keyboard sheet, generated from the keymap's own table.
import { KeySheet } from '../../common/KeySheet.tsx';
import { KEY_HELP } from './keymap.ts';
import { useReview } from './store.ts';

export function CheatSheet() {
  const open = useReview((s) => s.helpOpen);
  return (
    <KeySheet
      open={open}
      onOpenChange={(helpOpen) => useReview.setState({ helpOpen })}
      groups={KEY_HELP}
      intro="Letter keys act only when no text box has focus. In a text box, Esc leaves it and Ctrl/⌘+Enter submits. Work is saved as you go."
    />
  );
}
