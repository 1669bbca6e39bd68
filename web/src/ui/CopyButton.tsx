// Copies a text to the clipboard and says so (politely, for screen readers).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <span className="copy">
      <button type="button" className="button-secondary" onClick={copy}>
        {label ?? t('common.copy')}
      </button>
      <span role="status" aria-live="polite" className="copy-status">
        {copied ? t('common.copied') : ''}
      </span>
    </span>
  );
}
