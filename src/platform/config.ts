import os from 'node:os';
import path from 'node:path';

// Configuration is read from the environment here and nowhere else, validated once, frozen.
// Every variable is documented in .env.example.
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite engine is used. */
  databaseUrl: string | undefined;
  /** Directory for PGlite data, the master key file and other local state. */
  dataDir: string;
  host: string;
  port: number;
  /** NODE_ENV=production: the operator says this is a production deployment. */
  production: boolean;
  /** Public base URL used in credentials, QR codes and DID documents. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Maximum JSON request body in bytes. */
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /** Secure flag on the session cookie; on by default when publicUrl is https. */
  cookieSecure: boolean;
  /** Strict-Transport-Security is sent only when the public URL is https. */
  hsts: boolean;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), as Fastify's
   * trustProxy: false (the socket's peer is the client), true (any peer), or addresses/CIDRs.
   * Per-address throttling and rate limits key on the address this yields.
   */
  trustProxy: boolean | string[];
  /**
   * Failed sign-ins and API-key attempts (access/throttle.ts), counted per account (email or key
   * prefix) and per client address in the database, so every process sharing it sees them.
   */
  signInThrottle: SignInThrottle;
  /** Requests per client address per window (in each process's memory); max 0 turns it off. */
  rateLimit: { max: number; windowMs: number; signInMax: number };
  /** argon2id cost (OWASP 2024 minimums by default). */
  argon2: { memoryKiB: number; timeCost: number; parallelism: number };
  /** Base64 of a 32-byte master key for issuer private keys; when absent a key file in dataDir is used. */
  masterKeyBase64: string | undefined;
  /** How often `serve` signs a new checkpoint while log entries arrive. */
  checkpointIntervalMs: number;
  /** In-memory read caches (src/platform/cache.ts, src/trust/read-cache.ts): one LRU byte budget per process. */
  cache: {
    /** Most bytes the caches hold together (tiles, checkpoint notes, proofs, status lists, verification results); 0 turns caching off. */
    maxBytes: number;
    /**
     * How long a process serves the signed checkpoint (and picks proofs' checkpoints) from memory
     * before reading the newest again; never longer than checkpointIntervalMs. 0 reads it from the
     * database on every request.
     */
    checkpointTtlMs: number;
    /** Seconds a partial tile may be cached by clients and proxies (full tiles are immutable: one year). */
    partialTileMaxAgeS: number;
    /**
     * How long a process keeps a verified session or API key (access/principal-cache.ts). A
     * revocation is obeyed on the next request regardless (the principal epoch, checked on every
     * request); this only bounds how long a cached principal lives at all. 0 looks up every request.
     */
    principalTtlMs: number;
  };
  /** GET /metrics (Prometheus text format) is served to anyone when on; off answers 404. */
  metrics: boolean;
  /** Bulk import limits (src/imports): refused before anything is written. */
  imports: {
    /** Largest uploaded file in bytes. */
    maxBytes: number;
    /** Most data rows (bundle rows; lines for NDJSON) in one file. */
    maxRows: number;
    /** Largest total uncompressed size of an XLSX archive's entries. */
    maxUncompressedBytes: number;
    /** Highest uncompressed/compressed ratio of any sizeable XLSX entry, and of the archive as a whole (zip-bomb defence). */
    maxZipRatio: number;
    /** Certificates committed per transaction. */
    chunkSize: number;
    /** Worker threads that decide and sign import rows; 0 runs them on the main thread. */
    workers: number;
  };
  /** Certificate PDF verification (POST /api/v1/verify/pdf), a public route reading untrusted files. */
  pdf: {
    /** Largest uploaded PDF in bytes; also the file limit of every multipart route that names none. */
    maxBytes: number;
    /** Bytes a PDF may inflate to while it is read (attachments and object streams together). */
    maxInflatedBytes: number;
    /** Wall-clock limit for reading one PDF; the worker thread reading it is terminated after it. */
    timeoutMs: number;
    /** Worker threads reading PDFs at once (further uploads wait in a short queue). */
    workers: number;
  };
}

export interface ThrottleThresholds {
  /** Failures allowed before each further attempt must wait (doubling from backoffBaseMs). */
  freeFailures: number;
  /** Failures that lock for lockMs. */
  lockFailures: number;
}

export interface SignInThrottle {
  /** A failure is forgotten this long after the last one. */
  windowMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  lockMs: number;
  account: ThrottleThresholds;
  /** Higher than an account's: many people may share one address (an office, a NAT). */
  address: ThrottleThresholds;
}

export type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const host = env.HOST || '127.0.0.1';
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = (env.ASSAY_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    problems.push(`ASSAY_PUBLIC_URL must be an absolute URL (got "${publicUrl}")`);
  }
  const masterKeyBase64 = env.ASSAY_MASTER_KEY || undefined;
  if (masterKeyBase64 && Buffer.from(masterKeyBase64, 'base64').length !== 32) {
    problems.push('ASSAY_MASTER_KEY must be base64 of exactly 32 bytes');
  }
  const trustProxyRaw = (env.ASSAY_TRUST_PROXY ?? '').trim();
  let trustProxy: boolean | string[] = false;
  if (trustProxyRaw === 'true') trustProxy = true;
  else if (trustProxyRaw !== '' && trustProxyRaw !== 'false') {
    trustProxy = trustProxyRaw.split(',').map((a) => a.trim()).filter(Boolean);
    const bad = trustProxy.filter((a) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(a));
    if (bad.length) problems.push(`ASSAY_TRUST_PROXY must be true, false or addresses/CIDRs (got "${bad.join(', ')}")`);
  }
  const thresholds = (prefix: string, free: number, lock: number): ThrottleThresholds => {
    const t = {
      freeFailures: int(`${prefix}_FREE_FAILURES`, free, 0, 1000),
      lockFailures: int(`${prefix}_LOCK_FAILURES`, lock, 1, 10_000),
    };
    if (t.freeFailures >= t.lockFailures) problems.push(`${prefix}_FREE_FAILURES must be below ${prefix}_LOCK_FAILURES`);
    return Object.freeze(t);
  };
  const cookieSecureRaw = env.ASSAY_COOKIE_SECURE;
  if (cookieSecureRaw && !['true', 'false'].includes(cookieSecureRaw)) {
    problems.push('ASSAY_COOKIE_SECURE must be true or false');
  }

  const checkpointIntervalMs = int('ASSAY_CHECKPOINT_INTERVAL_MS', 2000, 100, 3_600_000);
  const config: Config = {
    databaseUrl,
    dataDir: path.resolve(env.ASSAY_DATA_DIR || './data'),
    host,
    port,
    production: env.NODE_ENV === 'production',
    publicUrl,
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    bodyLimitBytes: int('ASSAY_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    sessionTtlHours: int('ASSAY_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    cookieSecure: cookieSecureRaw ? cookieSecureRaw === 'true' : publicUrl.startsWith('https://'),
    hsts: publicUrl.startsWith('https://'),
    trustProxy,
    signInThrottle: {
      windowMs: int('ASSAY_SIGNIN_WINDOW_MS', 3_600_000, 1000, 30 * 86_400_000),
      backoffBaseMs: int('ASSAY_SIGNIN_BACKOFF_BASE_MS', 1000, 1, 3_600_000),
      backoffMaxMs: int('ASSAY_SIGNIN_BACKOFF_MAX_MS', 60_000, 1, 86_400_000),
      lockMs: int('ASSAY_SIGNIN_LOCK_MS', 900_000, 1000, 30 * 86_400_000),
      account: thresholds('ASSAY_SIGNIN_ACCOUNT', 3, 10),
      address: thresholds('ASSAY_SIGNIN_ADDRESS', 20, 100),
    },
    rateLimit: {
      max: int('ASSAY_RATE_LIMIT_MAX', 1200, 0, 10_000_000),
      windowMs: int('ASSAY_RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
      signInMax: int('ASSAY_RATE_LIMIT_SIGN_IN_MAX', 30, 0, 1_000_000),
    },
    argon2: {
      memoryKiB: int('ASSAY_ARGON2_MEMORY_KIB', 19456, 1024, 1024 * 1024),
      timeCost: int('ASSAY_ARGON2_TIME_COST', 2, 1, 10),
      parallelism: int('ASSAY_ARGON2_PARALLELISM', 1, 1, 16),
    },
    masterKeyBase64,
    checkpointIntervalMs,
    cache: {
      maxBytes: int('ASSAY_CACHE_MAX_MB', 64, 0, 1024 * 1024) * 1024 * 1024,
      checkpointTtlMs: Math.min(int('ASSAY_CHECKPOINT_CACHE_MS', 1000, 0, 3_600_000), checkpointIntervalMs),
      partialTileMaxAgeS: int('ASSAY_PARTIAL_TILE_MAX_AGE_S', 1, 0, 3600),
      principalTtlMs: int('ASSAY_PRINCIPAL_CACHE_MS', 60_000, 0, 3_600_000),
    },
    metrics: oneOf('ASSAY_METRICS', ['on', 'off'] as const, 'on') === 'on',
    imports: {
      maxBytes: int('ASSAY_IMPORT_MAX_BYTES', 256 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
      maxRows: int('ASSAY_IMPORT_MAX_ROWS', 2_000_000, 1, 100_000_000),
      maxUncompressedBytes: int('ASSAY_IMPORT_MAX_UNCOMPRESSED_BYTES', 2 * 1024 * 1024 * 1024, 1024, 64 * 1024 * 1024 * 1024),
      maxZipRatio: int('ASSAY_IMPORT_MAX_ZIP_RATIO', 200, 2, 100_000),
      chunkSize: int('ASSAY_IMPORT_CHUNK_SIZE', 1000, 1, 100_000),
      workers: int('ASSAY_IMPORT_WORKERS', Math.min(os.availableParallelism(), 8), 0, 64),
    },
    pdf: {
      maxBytes: int('ASSAY_PDF_MAX_BYTES', 5 * 1024 * 1024, 1024, 256 * 1024 * 1024),
      maxInflatedBytes: int('ASSAY_PDF_MAX_INFLATED_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      timeoutMs: int('ASSAY_PDF_TIMEOUT_MS', 2000, 10, 60_000),
      workers: int('ASSAY_PDF_WORKERS', 2, 1, 16),
    },
  };

  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return Object.freeze({
    ...config,
    argon2: Object.freeze(config.argon2),
    imports: Object.freeze(config.imports),
    pdf: Object.freeze(config.pdf),
    cache: Object.freeze(config.cache),
    signInThrottle: Object.freeze(config.signInThrottle),
    rateLimit: Object.freeze(config.rateLimit),
  });
}

/** True when `host` only accepts connections from this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.replace(/^::ffff:/, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The one warning `assay serve` prints when the embedded database is used where it does not
 * belong: reachable from other machines (a non-loopback HOST) or declared production
 * (NODE_ENV=production). PGlite runs PostgreSQL with fsync off: a killed process loses nothing
 * it acknowledged (the operating system holds the written pages), but a power loss or an
 * operating-system crash can lose recent writes or leave the database unrecoverable.
 */
export function embeddedDatabaseWarning(c: Pick<Config, 'databaseUrl' | 'host' | 'production'>): string | undefined {
  if (c.databaseUrl) return undefined;
  const why: string[] = [];
  if (!isLoopbackHost(c.host)) why.push(`listening on ${c.host}, reachable from other machines`);
  if (c.production) why.push('with NODE_ENV=production');
  if (!why.length) return undefined;
  return (
    `WARNING: running on the embedded PGlite database ${why.join(' and ')}. ` +
    'PGlite does not flush writes to disk (fsync is off): a crash of this process loses nothing it acknowledged, ' +
    'but a power loss or operating-system crash can lose recent writes or corrupt the database. ' +
    'Production belongs on PostgreSQL: set DATABASE_URL (README, "Durability of the embedded database").'
  );
}
