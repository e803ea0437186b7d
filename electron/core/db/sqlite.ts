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

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())))
  }
}

/**
 * One SQLite connection behind a queue. A transaction holds the queue for its whole duration, so a
 * query issued elsewhere while it runs waits instead of silently joining (and being rolled back with)
 * someone else's transaction.
 */
export class Database implements Queryable {
  private tail: Promise<unknown> = Promise.resolve()
  private closed = false

  private constructor(
    private readonly conn: Connection,
    readonly file: string,
  ) {}

  static async open(file: string, options: OpenOptions = {}): Promise<Database> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)))
    })
    const conn = new Connection(raw)
    // performance.md: WAL, FK on, a 64 MiB page cache (the 2 MB default makes scans ~2x slower).
    // secure_delete: freed pages are zeroed, so replaced sensitive values do not linger in the file.
    await conn.exec(`
      PRAGMA busy_timeout = 5000;
      PRAGMA foreign_keys = ON;
      PRAGMA cache_size = -65536;
      PRAGMA temp_store = MEMORY;
      PRAGMA secure_delete = ON;
    `)
    if (!options.readOnly) {
      await conn.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous ?? 'FULL'};`)
    }
    return new Database(conn, file)
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
    this.closed = true
    await this.conn.close()
  }
}
