/**
 * The audit trail on disk: one JSON object per line (JSON Lines), appended in the order the
 * records were written, rotated by KST day or by size. It is the institution's evidence of who
 * was verified, when, how and for what (what HRD Korea's monitoring asks for); the records hold
 * no name, phone, birth date or code, so the files hold none either.
 *
 * Node only (it writes files); the in-page app keeps its records in memory.
 */
import { mkdir, open, rename, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { AuditRecord, AuditSink } from './audit.js';
import { kstDate } from './policy/daily.js';

/** When a new file starts: each KST day, or once the current file would pass `maxBytes`. */
export type AuditRotation = 'daily' | { maxBytes: number };

/** Options of {@link createFileAuditSink}. */
export interface FileAuditSinkOptions {
  /**
   * The file, e.g. `/var/log/id-verify/audit.jsonl` (its folder is created). Daily rotation
   * writes `audit.2025-03-10.jsonl` beside it, one file per KST day of the records' `at`; size
   * rotation writes to `audit.jsonl` and renames a full one to `audit.<UTC time>.jsonl`.
   */
  path: string;
  /** Default `daily`. */
  rotate?: AuditRotation;
  /** Epoch milliseconds (default `Date.now`), for the names of rotated files. */
  clock?: () => number;
}

/** An {@link AuditSink} writing JSON Lines files. */
export interface FileAuditSink extends AuditSink {
  /** Appends one line; resolves once it is handed to the OS, rejects when it cannot be. */
  write(record: AuditRecord): Promise<void>;
  /** Resolves once every record written so far is on disk (handed to the OS), then closes the file. */
  close(): Promise<void>;
}

/** The smallest size limit accepted: a limit below one record would rotate on every write. */
export const MIN_AUDIT_FILE_BYTES = 4096;

/** Creates a {@link FileAuditSink}; nothing is opened until the first record. */
export function createFileAuditSink(options: FileAuditSinkOptions): FileAuditSink {
  const rotate = options.rotate ?? 'daily';
  if (rotate !== 'daily' && !(Number.isSafeInteger(rotate.maxBytes) && rotate.maxBytes >= MIN_AUDIT_FILE_BYTES)) {
    throw new RangeError(`Audit file rotation needs maxBytes ≥ ${MIN_AUDIT_FILE_BYTES}`);
  }
  const clock = options.clock ?? Date.now;
  const extension = extname(options.path) || '.jsonl';
  const stem = join(dirname(options.path), basename(options.path, extname(options.path)));
  /** `audit.jsonl` → `audit.<tag>.jsonl`. */
  const tagged = (tag: string) => `${stem}.${tag}${extension}`;

  let file: { path: string; handle: FileHandle; size: number } | undefined;
  // Writes run one after another, so lines never interleave and rotation sees every byte.
  let queue: Promise<void> = Promise.resolve();

  const openAt = async (path: string) => {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a', 0o640);
    file = { path, handle, size: (await handle.stat()).size };
  };
  const closeFile = async () => {
    const current = file;
    file = undefined;
    await current?.handle.close();
  };

  const append = async (record: AuditRecord) => {
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    if (rotate === 'daily') {
      const path = tagged(kstDate(record.at));
      if (file?.path !== path) {
        await closeFile();
        await openAt(path);
      }
    } else {
      if (!file) await openAt(options.path);
      if (file!.size > 0 && file!.size + line.length > rotate.maxBytes) {
        await closeFile();
        await rename(options.path, await freeName(tagged(new Date(clock()).toISOString().replace(/[:.]/g, '-'))));
        await openAt(options.path);
      }
    }
    await file!.handle.write(line);
    file!.size += line.length;
  };

  return {
    write(record) {
      const done = queue.then(() => append(record));
      // A failed write fails its own request; the next one tries afresh with a new file.
      queue = done.catch(() => closeFile().catch(() => undefined));
      return done;
    },
    async close() {
      await queue;
      await closeFile();
    },
  };
}

/** `path`, or `path` with `-1`, `-2`… before the extension when a file of that name exists. */
async function freeName(path: string): Promise<string> {
  const extension = extname(path);
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? path : `${path.slice(0, -extension.length)}-${n}${extension}`;
    const exists = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!exists) return candidate;
  }
}
