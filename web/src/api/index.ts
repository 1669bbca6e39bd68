// The API module: typed calls to the Dandelion server returning typed results. Never shows UI.
export * from './types';
export {
  onActivity,
  onSessionLost,
  setApiLanguage,
  setCsrfToken,
  type ApiError,
  type ApiResult,
} from './client';
export * from './session';
export * from './organizations';
export * from './users';
export * from './emergency';
export * from './caseTypes';
export * from './people';
export * from './cases';
export * from './caseRecords';
export * from './supervision';
export * from './audit';
export * from './referrals';
export * from './shelters';
export * from './funds';
export * from './programs';
export * from './stats';
export * from './exports';
export * from './reports';
export * from './policy';
export * from './events';
export * from './campaigns';
export * from './partners';
export * from './training';
export * from './survivors';
