/**
 * Turns the deployment settings (`readDeployEnv`) into what `createVerifyApp` takes: the store
 * (memory, or a Redis client built to fail fast), the shared keys, the audit file. What it
 * opens, `close()` closes, after the server has drained.
 */
import { createFileAuditSink, type FileAuditSink } from './audit-file.js';
import type { DeployEnv } from './env-deploy.js';
import type { WarningSink } from './http/client-ip.js';
import type { VerifyAppOptions } from './options.js';
import { createRedisStore, type RedisStore } from './stores/redis.js';

/** A deployment's parts, ready to hand to `createVerifyApp`. */
export interface Deployment {
  /** The options the settings give (store, keys, issuer, audience, origins, proxy, audit). */
  options: Partial<VerifyAppOptions>;
  /** One line per setting an operator wants to see at start (never a secret). */
  summary: string[];
  /** Closes the Redis client and the audit file. */
  close(): Promise<void>;
}

/** Opens what `settings` describe. */
export function openDeployment(settings: DeployEnv, logger: WarningSink = console): Deployment {
  const options: Partial<VerifyAppOptions> = {};
  const summary: string[] = [];
  let redis: RedisStore | undefined;
  let audit: FileAuditSink | undefined;

  if (settings.store.kind === 'redis') {
    redis = createRedisStore({ url: settings.store.url, prefix: settings.store.prefix, logger });
    options.store = redis;
    summary.push(`store             Redis ${redactedUrl(settings.store.url)} (keys ${settings.store.prefix}*)`);
  } else {
    summary.push('store             memory (this process only)');
  }
  if (settings.signingKeys) options.signingKey = settings.signingKeys;
  summary.push(
    settings.signingKeys
      ? `signing keys      ${settings.signingKeys.length} configured, signing with ${settings.signingKeys[0]!.kid}`
      : 'signing keys      generated for this process',
  );
  if (settings.hashKey) options.hashKey = settings.hashKey;
  summary.push(`hash key          ${settings.hashKey ? 'configured' : 'generated for this process'}`);
  if (settings.issuer) options.issuer = settings.issuer;
  if (settings.audience) options.audience = settings.audience;
  if (settings.allowedOrigins) options.allowedOrigins = settings.allowedOrigins;
  if (settings.trustProxy !== undefined) options.trustProxy = settings.trustProxy;
  if (settings.audit) {
    audit = createFileAuditSink(settings.audit);
    options.audit = audit;
    const rotation = settings.audit.rotate === 'daily' ? 'daily' : `at ${settings.audit.rotate.maxBytes} bytes`;
    summary.push(`audit file        ${settings.audit.path} (rotated ${rotation})`);
  }

  return {
    options,
    summary,
    async close() {
      await Promise.allSettled([audit?.close(), redis?.close()]);
    },
  };
}

/** The URL without its password, for a log line. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
