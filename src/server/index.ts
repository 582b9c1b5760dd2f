/**
 * The reference backend of id-verify: `createVerifyApp()` for the server, `verifyResultToken()`
 * for LMS servers checking the tokens, and the store and provider (mOTP, phone) contracts to
 * extend it.
 */
export { createVerifyApp } from './app.js';
export type { VerifyApp, VerifyAppOptions } from './options.js';
export type { SessionInput, MintedSession } from './sessions.js';
export type { CourseContext } from '../protocol/index.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './stores/memory.js';
export type { Store, AttemptCharge } from './stores/store.js';
export { createMemoryAuditSink, type AuditRecord, type AuditSink, type MemoryAuditSink } from './audit.js';
export { MEMORY_AUDIT_CAPACITY, type MemoryAuditSinkOptions } from './audit.js';
export { generateSigningKey, type SigningKey } from './keys.js';
export { RESULT_TOKEN_CLAIMS } from './tokens.js';
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
