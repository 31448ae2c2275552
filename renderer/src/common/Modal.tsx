// A modal dialog on the native <dialog> element: focus is trapped and restored, Escape closes it.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const focusable = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The dialog's own keys: Tab goes round its fields rather than out to the browser's (a modal dialog
 * lets focus leave past its last control), and Enter on a list submits the form as it does in a text
 * field, as Word's dialogs do.
 */
function dialogKeys(event: KeyboardEvent<HTMLDialogElement>): void {
  const target = event.target as HTMLElement;
  // A field that took Enter for itself (a list adding a row) keeps it.
  if (event.defaultPrevented) return;
  if (event.key === 'Enter' && target instanceof HTMLSelectElement && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    const form = target.form;
    if (form === null) return;
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter((control) => control.offsetParent !== null);
  const first = controls[0];
  const last = controls.at(-1);
  if (first === undefined || last === undefined) return;
  // A radio group is one stop: its checked radio (or the first) stands for it.
  const isEdge = (edge: HTMLElement) => target === edge || (edge instanceof HTMLInputElement && edge.type === 'radio' && target instanceof HTMLInputElement && target.name === edge.name);
  if (!event.shiftKey && isEdge(last)) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && isEdge(first)) {
    event.preventDefault();
    last.focus();
  }
}

interface ModalProps {
  title: string;
  onClose: () => void;
  /** Where focus goes once the dialog has gone; by default, back to what opened it. */
  afterClose?: () => void;
  children: ReactNode;
}

export function Modal({ title, onClose, afterClose, children }: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const afterCloseRef = useRef(afterClose);
  useEffect(() => {
    afterCloseRef.current = afterClose;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Closing gives focus back to the opener; afterClose runs after that, so it has the last word.
      dialog?.close();
      afterCloseRef.current?.();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={headingId}
      onKeyDown={dialogKeys}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** The Cancel and submit buttons every dialog form ends with. */
export function DialogButtons({ submitLabel, onCancel, disabled = false }: { submitLabel: string; onCancel: () => void; disabled?: boolean }) {
  return (
    <div className="dialog-buttons">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}
