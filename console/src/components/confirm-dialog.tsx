import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels, and the
 * page behind is inert, which a hand-made overlay gets wrong.
 */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onCancel={props.onCancel}>
      <h2 id="dialog-title">{props.title}</h2>
      {props.children}
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm} disabled={props.busy || props.confirmDisabled}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
