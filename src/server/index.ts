/**
 * The reference backend of id-verify: `createVerifyApp()` for the server, `verifyResultToken()`
 * for LMS servers checking the tokens, the store and provider (mOTP, phone) contracts to
 * extend it, and what a deployment needs (the Redis store, the audit file, settings from the
 * environment, probes and a graceful shutdown). Node only; the in-page app imports `app.js`.
 */
export { createVerifyApp } from './app.js';
export type { VerifyApp, VerifyAppOptions } from './options.js';
export type { SessionInput, MintedSession } from './sessions.js';
export type { CourseContext } from '../protocol/index.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './stores/memory.js';
export { StoreUnavailableError, type Store, type AttemptCharge } from './stores/store.js';
export {
  createRedisStore,
  failFastRedisOptions,
  DEFAULT_REDIS_PREFIX,
  type RedisStore,
  type RedisStoreOptions,
} from './stores/redis.js';
export { createMemoryAuditSink, type AuditRecord, type AuditSink, type MemoryAuditSink } from './audit.js';
export { MEMORY_AUDIT_CAPACITY, type MemoryAuditSinkOptions } from './audit.js';
export {
  createFileAuditSink,
  MIN_AUDIT_FILE_BYTES,
  type AuditRotation,
  type FileAuditSink,
  type FileAuditSinkOptions,
} from './audit-file.js';
export { generateSigningKey, generateSigningJwk, importSigningKeys, SigningKeyError, type SigningKey } from './keys.js';
export { RESULT_TOKEN_CLAIMS } from './tokens.js';
export { createStoreReplayGuard, type StoreReplayGuardOptions } from './replay-store.js';
export {
  verifyResultToken,
  createMemoryReplayGuard,
  TokenVerificationError,
  TOKEN_ERROR_REASONS,
  type TokenErrorReason,
  type ReplayGuard,
  type VerifyResultTokenOptions,
  type MemoryReplayGuardOptions,
} from './verify-token.js';
export {
  ProviderUnavailableError,
  type MotpProvider,
  type MotpVerdict,
  type MotpVerifyInput,
  type PhoneCheckReport,
} from './providers/motp/provider.js';
export {
  createHrdkProvider,
  HRDK_DEFAULT_BASE_URL,
  HRDK_DEFAULT_LOG_URL,
  type HrdkProviderOptions,
} from './providers/motp/hrdk.js';
export { HRDK_EVAL_BY_PURPOSE, type HrdkEval } from './providers/motp/hrdk-eval.js';
export {
  createTotpProvider,
  TOTP_OPTIONS,
  type TotpProvider,
  type TotpProviderOptions,
} from './providers/motp/totp.js';
export type {
  PhoneProvider,
  PhoneStartInput,
  PhoneStarted,
  PhoneConfirmation,
  PhoneProviderStatus,
  PhoneVerified,
  VerifiedIdentity,
} from './providers/phone/provider.js';
export {
  createSimulatorPhoneProvider,
  smsText,
  type SimulatorPhoneProvider,
  type SimulatorPhoneProviderOptions,
  type SimulatorSubscriber,
} from './providers/phone/simulator.js';
export {
  createPortOnePhoneProvider,
  DEFAULT_PORTONE_CALLS_IN_FLIGHT,
  PORTONE_API_URL,
  type PortOnePhoneProviderOptions,
} from './providers/phone/portone.js';
export { ProviderRateLimitedError } from './providers/unavailable.js';
export {
  createNicePhoneProvider,
  NICE_API_URL,
  NICE_WINDOW_URL,
  NICE_POPUP,
  type NicePhoneProviderOptions,
} from './providers/phone/nice/index.js';
export {
  isWindowProvider,
  type PhoneWindowProvider,
  type WindowLaunch,
  type WindowResult,
} from './providers/phone/window.js';
export {
  socketClientIp,
  trustedProxyClientIp,
  type ClientIp,
  type WarningSink,
} from './http/client-ip.js';
export { VerifyAppConfigError } from './dev-routes.js';
export { envFlag, EnvConfigError, type Env } from './env.js';
export { readDeployEnv, MIN_HASH_KEY_BYTES, type DeployEnv, type StoreSetting } from './env-deploy.js';
export { openDeployment, type Deployment } from './deploy.js';
export {
  serveWithProbes,
  exitOnSignals,
  HEALTH_PATH,
  READY_PATH,
  DEFAULT_DRAIN_TIMEOUT_MS,
  type ServeOptions,
  type ServingApp,
} from './serve.js';
export { readMotpEnv, MOTP_ENV_KINDS, type MotpEnv } from './env-motp.js';
export {
  readPhoneEnv,
  realPhoneProvider,
  PHONE_PROVIDER_KINDS,
  type PhoneEnvConfig,
  type PhoneProviderKind,
} from './env-phone.js';
export type { CaptchaService } from './captcha/index.js';
export { kstDate, kstDateTime } from './policy/daily.js';
