// A small anchored panel (column picker, saved views, view link). Closes on Escape or a
// click outside; focus moves into it on open and back to the button on close.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface PopoverProps {
  label: ReactNode;
  title: string;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
  onOpen?: () => void;
}

export function Popover({ label, title, children, align = 'left', onOpen }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    root.current?.querySelector<HTMLElement>('[data-autofocus], input, button:not([aria-controls])')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="lg-pop" ref={root}>
      <button ref={button} type="button" className="btn btn-sm" aria-expanded={open} aria-controls={id}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open ? (
        <div
          id={id}
          className="lg-pop-panel panel"
          data-align={align}
          role="dialog"
          aria-label={title}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
