import type { HistoryEntry, Member, MemberFields, MemberPage, MemberSearch, StatusChange } from '../../../shared/domain/member'
import { NEEDS_COUNTERPART, STATUS_AFTER, canChange } from '../../../shared/domain/member-status'
import { localDate, type Clock } from '../clock'
import type { Database, Queryable } from '../db/sqlite'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { withDerivedFields } from './member-quality'
import { toMemberWrite } from './member-write'
import {
  findHolder, findMember, findSealedIdNumber, insertHistory, insertMember, listHistory, searchMembers, setMemberStatus, updateMember,
  type MemberWrite,
} from './member-repository'
import { loadNameKeyer } from './name-keys'
import { diffForAudit, type Actor, type AuditTrail } from '../audit/audit-trail'
import { maskSensitiveMemberField } from './sensitive-fields'
import type { IdNumberProtector } from './id-number-protection'
import { departmentExists } from '../departments/department-repository'

const FIELD_ORDER: (keyof MemberFields)[] = [
  'name', 'cardNo', 'gender', 'birthDate', 'ethnicity', 'idNumber', 'mobile', 'education', 'politicalStatus',
  'nativePlace', 'departmentId', 'post', 'title', 'employeeNo', 'joinDate', 'wageBaseFen', 'migrantWorker',
]

/** The register's rules: uniqueness, derived fields, lifecycle, history. SQL stays in the repository. */
export class MemberService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly ids: IdNumberProtector,
    private readonly clock: Clock,
  ) {}

  async search(q: MemberSearch): Promise<MemberPage> {
    return searchMembers(this.db, q, this.ids)
  }

  async get(id: number): Promise<{ member: Member; history: HistoryEntry[] }> {
    const member = await findMember(this.db, id)
    if (!member) throw new NotFoundError()
    return { member, history: await listHistory(this.db, id) }
  }

  async create(input: MemberFields, actor: Actor): Promise<Member> {
    const write = await this.prepareWrite(input, 'active')
    const id = await this.db.transaction(async (tx) => {
      await this.assertUnique(tx, write, null)
      await this.assertDepartmentExists(tx, write.departmentId)
      const id = await insertMember(tx, write)
      await insertHistory(tx, {
        memberId: id, kind: 'join', eventDate: write.joinDate ?? localDate(this.clock.now()),
        fromStatus: null, toStatus: 'active', counterpart: null, note: null, changedFields: null, now: write.now,
      })
      await this.audit.record(tx, actor, {
        action: 'member.create', entity: 'member', entityId: id,
        changes: diffForAudit<MemberFields>(null, write, FIELD_ORDER, maskSensitiveMemberField),
      }, write.now)
      return id
    })
    return (await findMember(this.db, id))!
  }

  async update(id: number, input: MemberFields, actor: Actor, options: { keepIdNumber?: boolean } = {}): Promise<Member> {
    await this.db.transaction(async (tx) => {
      const before = await findMember(tx, id)
      if (!before) throw new NotFoundError()
      const fields = options.keepIdNumber ? { ...input, idNumber: await this.revealStored(tx, id) } : input
      const write = await this.prepareWrite(fields, before.status)
      await this.assertUnique(tx, write, id)
      await this.assertDepartmentExists(tx, write.departmentId)
      // The stored ID number is sealed: compare blind indexes, and log only masked forms.
      const storedHash = (await findSealedIdNumber(tx, id))?.hash ?? null
      const changed = FIELD_ORDER.filter((f) =>
        f === 'idNumber' ? storedHash !== (write.sealedId?.hash ?? null) : before[f] !== write[f])
      if (changed.length === 0) return
      const auditChanges = Object.fromEntries(changed.map((f) =>
        [f, f === 'idNumber' ? [before.idNumber, write.sealedId?.masked ?? null] : [before[f], write[f]]]))
      await updateMember(tx, id, write)
      await insertHistory(tx, {
        memberId: id, kind: 'edit', eventDate: localDate(this.clock.now()), fromStatus: null, toStatus: null,
        counterpart: null, note: null, changedFields: changed, now: write.now,
      })
      await this.audit.record(tx, actor, {
        action: 'member.update', entity: 'member', entityId: id, changes: auditChanges,
      }, write.now)
    })
    return (await findMember(this.db, id))!
  }

  async changeStatus(change: StatusChange, actor: Actor): Promise<Member> {
    const today = localDate(this.clock.now())
    await this.db.transaction(async (tx) => {
      const m = await findMember(tx, change.id)
      if (!m) throw new NotFoundError()
      const kindName = `@changeKinds.${change.kind}`
      if (!canChange(m.status, change.kind)) {
        throw new ConflictError('kind', 'status.notAllowed', { from: `@statuses.${m.status}`, kind: kindName })
      }
      if (NEEDS_COUNTERPART.includes(change.kind) && !change.counterpart) {
        throw new ValidationError('counterpart', 'status.counterpartRequired', { kind: kindName })
      }
      if (change.eventDate > today) throw new ValidationError('eventDate', 'status.futureDate')
      if (m.joinDate && change.eventDate < m.joinDate) {
        throw new ValidationError('eventDate', 'status.dateBeforeJoin', { joinDate: m.joinDate })
      }
      const now = this.clock.now().toISOString()
      const to = STATUS_AFTER[change.kind]
      await setMemberStatus(tx, m.id, to, now)
      await insertHistory(tx, {
        memberId: m.id, kind: change.kind, eventDate: change.eventDate, fromStatus: m.status, toStatus: to,
        counterpart: change.counterpart, note: change.note, changedFields: null, now,
      })
      await this.audit.record(tx, actor, {
        action: `member.${change.kind}`, entity: 'member', entityId: m.id,
        changes: { status: [m.status, to], eventDate: change.eventDate, counterpart: change.counterpart, note: change.note },
      }, now)
    })
    return (await findMember(this.db, change.id))!
  }

  /** The full ID number for a role allowed to see it; the reveal itself is audited. */
  async revealIdNumber(id: number, actor: Actor): Promise<string | null> {
    const sealed = await findSealedIdNumber(this.db, id)
    if (!sealed) throw new NotFoundError()
    await this.db.transaction((tx) => this.audit.record(tx, actor, {
      action: 'member.revealIdNumber', entity: 'member', entityId: id, changes: {},
    }, this.clock.now().toISOString()))
    return sealed.enc ? this.ids.reveal(sealed.enc) : null
  }

  /** The stored number in clear, for core's own use (re-sealing on edit); not audited as a reveal. */
  private async revealStored(tx: Queryable, id: number): Promise<string | null> {
    const sealed = await findSealedIdNumber(tx, id)
    return sealed?.enc ? this.ids.reveal(sealed.enc) : null
  }

  private async prepareWrite(input: MemberFields, status: Member['status']): Promise<MemberWrite> {
    return toMemberWrite(withDerivedFields(input), status, await loadNameKeyer(), this.ids, this.clock.now().toISOString())
  }

  private async assertUnique(tx: Queryable, w: MemberWrite, selfId: number | null): Promise<void> {
    if (w.sealedId) {
      const other = await findHolder(tx, 'id_number_hash', w.sealedId.hash, selfId)
      if (other) throw new ConflictError('idNumber', 'duplicate.idNumber', { other: other.name })
    }
    if (w.employeeNo) {
      const other = await findHolder(tx, 'employee_no', w.employeeNo, selfId)
      if (other) throw new ConflictError('employeeNo', 'duplicate.employeeNo', { other: other.name })
    }
  }

  private async assertDepartmentExists(tx: Queryable, departmentId: number | null): Promise<void> {
    if (departmentId === null) return
    if (!(await departmentExists(tx, departmentId))) throw new ValidationError('departmentId', 'invalidOption')
  }
}
