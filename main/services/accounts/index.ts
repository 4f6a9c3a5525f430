/** Team accounts: passwords, invitations, sessions, throttling (all their SQL lives in this folder). */
export * from './accounts';
export * from './invitations';
export * from './sessions';
export * from './settings';
export { checkPasswordRules, hashPassword, verifyPassword } from './passwords';
export { gate, recordFailure, isLocked, LOCK_AFTER, waitSeconds, sweepFailures } from './throttle';
export { sha256, newSecret, wellFormedSecret } from './secrets';
