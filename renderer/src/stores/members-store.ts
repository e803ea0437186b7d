import { defineStore } from 'pinia'
import { markRaw, shallowRef } from 'vue'
import type { HistoryEntry, Member, MemberFieldsInput, StatusChange } from '../../../shared/domain/member'
import { invoke } from '../api/client'
import { useAppStore } from './app-store'
import { useDepartmentsStore } from './departments-store'
import { createMemberListing, type MemberFilters } from './member-listing'

export type MemberDetail = { member: Member; history: HistoryEntry[] }
export type StatusChangeInput = Omit<StatusChange, 'counterpart' | 'note'> & { counterpart: string | null; note: string | null }

export const useMembersStore = defineStore('members', () => {
  const fetchPage = (filters: MemberFilters, offset: number, limit: number) =>
    invoke('members.search', { ...filters, offset, limit })

  // markRaw: the listings hold their own reactive parts; Pinia must not wrap them again.
  const register = markRaw(createMemberListing(fetchPage))
  const unqualified = markRaw(createMemberListing(fetchPage, { unqualifiedOnly: true }))
  const detail = shallowRef<MemberDetail | null>(null)

  async function loadDetail(id: number): Promise<MemberDetail> {
    detail.value = await invoke('members.get', { id })
    return detail.value
  }

  /** A fresh copy for the edit form (does not touch the open detail). */
  async function fetchMember(id: number): Promise<Member> {
    return (await invoke('members.get', { id })).member
  }

  /** The full ID number (replies carry it masked); core audits every reveal. */
  async function revealIdNumber(id: number): Promise<string | null> {
    return (await invoke('members.revealIdNumber', { id })).idNumber
  }

  /** Every write changes counts, lists and maybe the open detail: bring them up to date. */
  async function afterWrite(member: Member): Promise<void> {
    await Promise.all([
      register.refresh(), unqualified.refresh(), useAppStore().loadInfo(), useDepartmentsStore().load(),
      detail.value?.member.id === member.id ? loadDetail(member.id) : Promise.resolve(),
    ])
  }

  async function create(fields: MemberFieldsInput): Promise<Member> {
    const member = await invoke('members.create', fields)
    await afterWrite(member)
    return member
  }

  /**
   * `keepIdNumber`: the form left the (masked) ID number alone, so core keeps the stored one —
   * `fields.idNumber` is then null and no reveal is needed (or audited) to edit other fields.
   */
  async function update(id: number, fields: MemberFieldsInput, keepIdNumber = false): Promise<Member> {
    const member = await invoke('members.update', { id, fields, keepIdNumber })
    await afterWrite(member)
    return member
  }

  async function changeStatus(change: StatusChangeInput): Promise<Member> {
    const member = await invoke('members.changeStatus', change)
    await afterWrite(member)
    return member
  }

  function invalidateAll(): void {
    register.forget()
    unqualified.forget()
    detail.value = null
  }

  return { register, unqualified, detail, loadDetail, fetchMember, revealIdNumber, create, update, changeStatus, invalidateAll }
})
