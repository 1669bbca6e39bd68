// Asking before something that cannot simply be undone (disabling an account, revoking a
// consent…): an alert dialog that names the action on its button. Focus starts on Cancel, so a
// stray Enter does nothing harmful; Escape and Cancel close it, and focus returns to the control
// that opened it (ui/Dialog).
import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  open: boolean;
  title: string;
  // What will happen, and any field the action needs (a reason…).
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
  busy = false,
}: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} title={title} onClose={onClose} role="alertdialog" initialFocus={cancel}>
      {children}
      <div className="actions">
        <button type="button" className="button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button-secondary" onClick={onClose}>
          {cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
