// The auditor's screens, loaded on first use.
export { AuditPage } from './AuditPage';
