import type { Department } from '../../../shared/domain/department'
import type { Clock } from '../clock'
import type { Database } from '../db/sqlite'
import { ConflictError, NotFoundError } from '../errors'
import {
  findDepartment, findDepartmentByName, insertDepartment, listDepartments, renameDepartment,
} from './department-repository'

export class DepartmentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Department[]> {
    return listDepartments(this.db)
  }

  async create(name: string): Promise<Department> {
    const id = await this.db.transaction(async (tx) => {
      if (await findDepartmentByName(tx, name)) throw new ConflictError('name', 'duplicate.department', { name })
      return insertDepartment(tx, name, this.clock.now().toISOString())
    })
    return (await findDepartment(this.db, id))!
  }

  async rename(id: number, name: string): Promise<Department> {
    await this.db.transaction(async (tx) => {
      const holder = await findDepartmentByName(tx, name)
      if (holder && holder.id !== id) throw new ConflictError('name', 'duplicate.department', { name })
      if ((await renameDepartment(tx, id, name)) === 0) throw new NotFoundError()
    })
    return (await findDepartment(this.db, id))!
  }
}
