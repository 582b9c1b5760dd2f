/** The widget's HTTP client for protocol v1. */
export { VerifyClient, type VerifyClientOptions, type CallOptions, type FetchLike } from './verify-client.js';
export { VerifyError, type ClientErrorCode } from './errors.js';
