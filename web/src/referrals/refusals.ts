// The server's refusals of a send or an accept, explained in words beside its own message.
import type { TFunction } from 'i18next';
import { CONSENT_REQUIRED, EXCLUDED, type ApiError } from '../api';

export function refusalHint(error: ApiError | null, t: TFunction): string | undefined {
  if (!error) return undefined;
  if (error.code === CONSENT_REQUIRED) return t('refer.refusedConsent');
  if (error.code === EXCLUDED) return t('refer.refusedExcluded');
  if (error.code === 'conflict') return t('refer.refusedConflict');
  return undefined;
}
