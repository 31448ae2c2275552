// A modal dialog on the native <dialog> element: focus is trapped and restored, Escape closes it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

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
