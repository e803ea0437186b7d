import type { Department } from '../../../shared/domain/department'
import type { Queryable } from '../db/sqlite'

export async function listDepartments(db: Queryable): Promise<Department[]> {
  return db.all<Department>(`
    SELECT d.id, d.name, d.sort_order AS sortOrder,
           (SELECT count(*) FROM members m WHERE m.department_id = d.id) AS memberCount
    FROM departments d ORDER BY d.sort_order, d.name`)
}

export async function findDepartment(db: Queryable, id: number): Promise<Department | undefined> {
  return (await listDepartments(db)).find((d) => d.id === id)
}

export async function findDepartmentByName(db: Queryable, name: string): Promise<{ id: number } | undefined> {
  return db.get('SELECT id FROM departments WHERE name = ?', [name])
}

export async function departmentExists(db: Queryable, id: number): Promise<boolean> {
  return Boolean(await db.get('SELECT 1 FROM departments WHERE id = ?', [id]))
}

export async function insertDepartment(db: Queryable, name: string, now: string): Promise<number> {
  const r = await db.run(
    'INSERT INTO departments (name, sort_order, created_at) VALUES (?, (SELECT coalesce(max(sort_order), 0) + 10 FROM departments), ?)',
    [name, now])
  return r.lastID
}

export async function renameDepartment(db: Queryable, id: number, name: string): Promise<number> {
  return (await db.run('UPDATE departments SET name = ? WHERE id = ?', [name, id])).changes
}
