import { openWorkspace, readLastWorkspace, writeLastWorkspace, type CoreOptions, type Workspace, type WorkspaceKind } from './workspace'

/**
 * Everything the contract handlers reach: the current workspace and the switch between the real
 * register and the demo one. Built by Electron main or the web host with their own data folder.
 */
export class AppCore {
  private constructor(
    private current: Workspace,
    private readonly options: CoreOptions,
    readonly version: string,
  ) {}

  static async open(options: CoreOptions & { version: string }): Promise<AppCore> {
    const kind = await readLastWorkspace(options.dataDir)
    return new AppCore(await openWorkspace(kind, options), options, options.version)
  }

  get workspace(): Workspace {
    return this.current
  }

  async switchTo(kind: WorkspaceKind): Promise<Workspace> {
    if (this.current.kind !== kind) {
      const next = await openWorkspace(kind, this.options)
      const previous = this.current
      this.current = next
      await previous.db.close()
      await writeLastWorkspace(this.options.dataDir, kind)
    }
    return this.current
  }

  async close(): Promise<void> {
    await this.current.db.close()
  }
}
