import sqlite3 from 'sqlite3'

export type SqlValue = string | number | bigint | Buffer | null
export type Params = readonly SqlValue[] | Record<string, SqlValue>
export type RunResult = { lastID: number; changes: number }

/** The statements a repository needs; both the database and an open transaction provide them. */
export interface Queryable {
  run(sql: string, params?: Params): Promise<RunResult>
  get<T>(sql: string, params?: Params): Promise<T | undefined>
  all<T>(sql: string, params?: Params): Promise<T[]>
  exec(sql: string): Promise<void>
  /** `run` through a kept prepared statement, for statements a bulk write repeats many times. */
  cachedRun(sql: string, params?: Params): Promise<RunResult>
  /** `all` through a kept prepared statement (a database answers it from its read connection). */
  cachedAll<T>(sql: string, params?: Params): Promise<T[]>
}

export type OpenOptions = {
  /** FULL for the records database (durability first, security.md); NORMAL is for throwaway files. */
  synchronous?: 'FULL' | 'NORMAL'
  readOnly?: boolean
}

class Connection implements Queryable {
  constructor(private readonly raw: sqlite3.Database) {}

  run(sql: string, params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err)
        else resolve({ lastID: this.lastID, changes: this.changes })
      })
    })
  }

  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)))
    })
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)))
    })
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(err) : resolve())))
  }

  /**
   * Hot read statements stay prepared: preparing a search statement (a 12-column JSON row builder,
   * joins) costs more than running it. `all` steps to the end and resets, so a cached statement
   * never holds a read snapshot between calls (it would block checkpoints and schema changes).
   */
  async cachedAll<T>(sql: string, params: Params = []): Promise<T[]> {
    const prepared = await this.prepared(sql)
    return new Promise((resolve, reject) => {
      prepared.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)))
    })
  }

  /**
   * Repeated writes stay prepared too. A statement made and run by `run` goes to SQLite's thread
   * twice (prepare, then run), and each time this thread must take the result before the next step
   * is sent: during an import, whose reading keeps this thread busy, those hand-overs left SQLite
   * idle for milliseconds per batch. A write runs to completion, so it holds no lock afterwards.
   */
  async cachedRun(sql: string, params: Params = []): Promise<RunResult> {
    const prepared = await this.prepared(sql)
    return new Promise((resolve, reject) => {
      prepared.run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err)
        else resolve({ lastID: this.lastID, changes: this.changes })
      })
    })
  }

  private async prepared(sql: string): Promise<sqlite3.Statement> {
    let stmt = this.statements.get(sql)
    if (stmt) {
      this.statements.delete(sql)
    } else {
      stmt = await new Promise<sqlite3.Statement>((resolve, reject) => {
        const st: sqlite3.Statement = this.raw.prepare(sql, (err: Error | null) => (err ? reject(err) : resolve(st)))
      })
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const [oldest, old] = this.statements.entries().next().value as [string, sqlite3.Statement]
        this.statements.delete(oldest)
        old.finalize()
      }
    }
    this.statements.set(sql, stmt)
    return stmt
  }

  async close(): Promise<void> {
    await Promise.all([...this.statements.values()].map((st) => new Promise<void>((resolve) => st.finalize(() => resolve()))))
    this.statements.clear()
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())))
  }

  private readonly statements = new Map<string, sqlite3.Statement>()
}

/** The page cache: 64 MiB (negative: KiB), per performance.md. */
const CACHE_KIB = -65536

/** Reads map up to this much of the file (see open); `forBulkWrite` turns it off for bulk writes. */
const MMAP_BYTES = 256 * 1024 * 1024

/** What every connection reads with (the writer adds foreign keys and secure_delete). */
const READ_PRAGMAS = `PRAGMA busy_timeout = 5000; PRAGMA cache_size = ${CACHE_KIB}; PRAGMA mmap_size = ${MMAP_BYTES};
  PRAGMA temp_store = MEMORY;`

/** Distinct hot statements: search builds a handful of shapes per kind of query and filter set. */
const STATEMENT_CACHE_SIZE = 48

/**
 * One SQLite connection behind a queue. A transaction holds the queue for its whole duration, so a
 * query issued elsewhere while it runs waits instead of silently joining (and being rolled back with)
 * someone else's transaction.
 */
export class Database implements Queryable {
  private tail: Promise<unknown> = Promise.resolve()
  private closed = false

  private readerTail: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly conn: Connection,
    private readonly reader: Connection | null,
    readonly file: string,
  ) {}

  static async open(file: string, options: OpenOptions = {}): Promise<Database> {
    const conn = await openConnection(file, options.readOnly ?? false)
    // performance.md: WAL, FK on, a 64 MiB page cache (the 2 MB default makes scans ~2x slower).
    // secure_delete: freed pages are zeroed, so replaced sensitive values do not linger in the file.
    // mmap: a 100k-member register (~85 MB) outgrows the page cache, and a search's page of 50
    // members then costs a read() system call per row; mapped pages are read in place from the
    // OS cache instead (writes still go through the WAL as usual).
    await conn.exec(`${READ_PRAGMAS} PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;`)
    if (options.readOnly) return new Database(conn, null, file)
    await conn.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous ?? 'FULL'};`)
    // Searches run on a second, read-only connection (see cachedAll). WAL lets it read the last
    // committed state while the first one writes, so the list can be searched during an import.
    let reader: Connection | null = null
    if (file !== ':memory:' && !file.startsWith('file:')) {
      reader = await openConnection(file, true).catch(() => null)
      await reader?.exec(READ_PRAGMAS)
    }
    return new Database(conn, reader, file)
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database is closed'))
    const result = this.tail.then(work, work)
    this.tail = result.catch(() => undefined)
    return result
  }

  run(sql: string, params?: Params): Promise<RunResult> {
    return this.enqueue(() => this.conn.run(sql, params))
  }

  get<T>(sql: string, params?: Params): Promise<T | undefined> {
    return this.enqueue(() => this.conn.get<T>(sql, params))
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.enqueue(() => this.conn.all<T>(sql, params))
  }

  exec(sql: string): Promise<void> {
    return this.enqueue(() => this.conn.exec(sql))
  }

  cachedRun(sql: string, params?: Params): Promise<RunResult> {
    return this.enqueue(() => this.conn.cachedRun(sql, params))
  }

  /**
   * `all` through a kept prepared statement, for the hot read paths (search). It runs on the read
   * connection when there is one: it sees every committed write, and does not wait for a
   * transaction in progress (an import's), whose rows it shows once committed.
   */
  cachedAll<T>(sql: string, params?: Params): Promise<T[]> {
    const reader = this.reader
    if (!reader) return this.enqueue(() => this.conn.cachedAll<T>(sql, params))
    if (this.closed) return Promise.reject(new Error('database is closed'))
    const result = this.readerTail.then(() => reader.cachedAll<T>(sql, params))
    this.readerTail = result.catch(() => undefined)
    return result
  }

  /**
   * For a bulk write (an import rebuilds indexes by scanning every member): no memory map, since
   * through it those scans would count the whole file in the process's resident memory (what an
   * import's memory ceiling is measured by; read() serves them as well), and a smaller page cache.
   * No automatic checkpoint at its COMMIT either: copying a big write from the WAL into the file
   * is left to foldWal, after the write has returned (the write is durable once committed).
   */
  async forBulkWrite<T>(work: () => Promise<T>): Promise<T> {
    // The cache only fills with pages on their way to the WAL: a quarter of it writes as fast.
    await this.exec(`PRAGMA mmap_size = 0; PRAGMA cache_size = ${CACHE_KIB / 4}; PRAGMA wal_autocheckpoint = 0`)
    try {
      return await work()
    } finally {
      await this.exec(`PRAGMA mmap_size = ${MMAP_BYTES}; PRAGMA cache_size = ${CACHE_KIB}; PRAGMA wal_autocheckpoint = 1000`)
    }
  }

  /**
   * Folds the WAL into the database file and empties it, in the background: reads after it are
   * faster and a backup copies one file. Searches (on the read connection) go on meanwhile; other
   * queries wait their turn behind it. Best effort: a busy reader only defers it to SQLite's next
   * automatic checkpoint.
   */
  foldWal(): Promise<void> {
    return this.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined)
  }

  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT; any throw rolls everything back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.conn.exec('BEGIN IMMEDIATE')
      try {
        const value = await work(this.conn)
        await this.conn.exec('COMMIT')
        return value
      } catch (err) {
        await this.conn.exec('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  }

  async close(): Promise<void> {
    await this.enqueue(async () => undefined)
    await this.readerTail
    this.closed = true
    await this.reader?.close()
    await this.conn.close()
  }
}

async function openConnection(file: string, readOnly: boolean): Promise<Connection> {
  const mode = readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)))
  })
  return new Connection(raw)
}
