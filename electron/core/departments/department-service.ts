import type { Department } from '../../../shared/domain/department'
import type { Actor, AuditTrail } from '../audit/audit-trail'
import type { Clock } from '../clock'
import type { Database } from '../db/sqlite'
import { ConflictError, NotFoundError } from '../errors'
import {
  findDepartment, findDepartmentByName, insertDepartment, listDepartments, renameDepartment,
} from './department-repository'

export class DepartmentService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Department[]> {
    return listDepartments(this.db)
  }

  async create(name: string, actor: Actor): Promise<Department> {
    const now = this.clock.now().toISOString()
    const id = await this.db.transaction(async (tx) => {
      if (await findDepartmentByName(tx, name)) throw new ConflictError('name', 'duplicate.department', { name })
      const id = await insertDepartment(tx, name, now)
      await this.audit.record(tx, actor, { action: 'department.create', entity: 'department', entityId: id, changes: { name: [null, name] } }, now)
      return id
    })
    return (await findDepartment(this.db, id))!
  }

  async rename(id: number, name: string, actor: Actor): Promise<Department> {
    const now = this.clock.now().toISOString()
    await this.db.transaction(async (tx) => {
      const before = await findDepartment(tx, id)
      if (!before) throw new NotFoundError()
      const holder = await findDepartmentByName(tx, name)
      if (holder && holder.id !== id) throw new ConflictError('name', 'duplicate.department', { name })
      await renameDepartment(tx, id, name)
      await this.audit.record(tx, actor, { action: 'department.rename', entity: 'department', entityId: id, changes: { name: [before.name, name] } }, now)
    })
    return (await findDepartment(this.db, id))!
  }
}
