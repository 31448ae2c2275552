// A modal dialog over React Aria Components' Modal and Dialog: focus is kept inside it and given back
// to what had it when the dialog goes, Escape closes it, and the rest of the window is hidden from
// assistive technology while it is open (react-aria's FocusScope and ariaHideOutside, not our own code).
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

/** Whether a modal dialog is open in the window: the window's own keys leave it alone then. */
export function aDialogIsOpen(): boolean {
  return document.querySelector('.modal [role="dialog"]') !== null;
}

/**
 * The dialog's own keys beyond react-aria's: Enter on a list submits the form as it does in a text
 * field, as Word's dialogs do; and a field that took Escape for itself (a suggestion list closing)
 * keeps it rather than closing the dialog.
 */
function dialogKeys(event: KeyboardEvent<HTMLDivElement>): void {
  const target = event.target as HTMLElement;
  // A field that took the key for itself (a list adding a row on Enter) keeps it.
  if (event.defaultPrevented) {
    if (event.key === 'Escape') event.stopPropagation();
    return;
  }
  if (event.key === 'Enter' && target instanceof HTMLSelectElement && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    const form = target.form;
    if (form === null) return;
    event.preventDefault();
    form.requestSubmit();
  }
}

/** What can take the focus: the controls a dialog, or the window after one, gives it to. */
export const focusable = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: string;
  onClose: () => void;
  /** Where focus goes once the dialog has gone; by default, back to what opened it. */
  afterClose?: () => void;
  children: ReactNode;
}

/** A modal dialog, open while it is mounted; `onClose` is asked for by Escape (the caller unmounts it). */
export function Modal({ title, onClose, afterClose, children }: ModalProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const afterCloseRef = useRef(afterClose);
  useEffect(() => {
    afterCloseRef.current = afterClose;
  });

  useEffect(() => {
    // As a native dialog does, the control with the autofocus attribute, or else the first field, takes
    // focus (react-aria focuses the dialog itself) unless a field already took it (React's autoFocus).
    const body = bodyRef.current;
    const dialog = body?.closest<HTMLElement>('[role="dialog"]');
    if (body && dialog && (document.activeElement === dialog || !dialog.contains(document.activeElement))) {
      const shown = [...body.querySelectorAll<HTMLElement>(focusable)].filter((control) => control.offsetParent !== null);
      (shown.find((control) => control.hasAttribute('autofocus')) ?? shown[0])?.focus();
    }
    // react-aria gives focus back to the opener in the frame after the dialog goes (the window stays inert
    // until then); afterClose runs after that, so it has the last word.
    return () => {
      const afterClosing = afterCloseRef.current;
      if (afterClosing) requestAnimationFrame(() => afterClosing());
    };
  }, []);

  return (
    <ModalOverlay
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      className="modal-backdrop"
    >
      <AriaModal className="modal">
        <Dialog className="modal-dialog">
          <Heading slot="title" level={2}>{title}</Heading>
          <div ref={bodyRef} onKeyDown={dialogKeys}>
            {children}
          </div>
        </Dialog>
      </AriaModal>
    </ModalOverlay>
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
