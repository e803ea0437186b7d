import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../shared/domain/id-number'
import { IdNumberProtector } from '../members/id-number-protection'
import { loadNameKeyer, nameTokens, outsideAsar, pinyinModulePath } from '../members/name-keys'
import { KeyVault } from './key-vault'
import { PREPARED_SLOTS } from './seal-worker'

/** A prepared batch's rows (JSON texts) as named parts. */
const parts = (rows: string[]) =>
  rows.map((row) => JSON.parse(row) as Array<string | null>).map((row) => Object.fromEntries(PREPARED_SLOTS.map((k, i) => [k, row[i]])))

const NAMES = ['张三', '单雄信', '曾国藩', '区家麟', '欧阳娜娜', '扎西卓玛', '阿依古丽·买买提', '吕布', '乐嘉', '长孙无忌', 'Zhang Wei', '张伟2']

describe('preparing import rows on a worker thread', () => {
  const ids = new IdNumberProtector(new KeyVault(Buffer.alloc(32, 7)))
  const values = Array.from({ length: 300 }, (_, i) => makeIdNumber('630102', '19850301', i))
  const rows = values.map((v, i) => [i % 7 === 3 ? null : v, NAMES[i % NAMES.length]!] as const)

  it('gives what the main thread gives: same blind indexes and name keys, ciphertexts it can open, fresh nonces', async () => {
    const sealer = ids.openBatchSealer(loadNameKeyer)
    const keyer = await loadNameKeyer()
    try {
      const [first, second] = await Promise.all([sealer.prepare(rows.slice(0, 200)), sealer.prepare(rows.slice(200))])
      const prepared = [...parts(first!), ...parts(second!)]
      expect(prepared).toHaveLength(300)
      prepared.forEach((p, i) => {
        const [idNumber, name] = rows[i]!
        expect({ tokens: p.tokens, pinyin: p.pinyin, initials: p.initials }).toEqual(keyer(name))
        expect(p.tokens).toBe(nameTokens(name))
        if (idNumber === null) {
          expect([p.enc, p.hash, p.tail4]).toEqual([null, null, null])
          return
        }
        const { masked: _masked, ...inline } = ids.seal(idNumber)
        expect({ enc: '', hash: p.hash, tail4: p.tail4 }).toEqual({ ...inline, enc: '' })
        expect(ids.reveal(p.enc!)).toBe(idNumber)
        expect(p.enc).not.toBe(inline.enc) // a new random nonce each time
      })
      expect(keyer('单雄信')).toMatchObject({ pinyin: 'shanxiongxin', initials: 'sxx' }) // a surname reading, worker and here alike
      expect(rows.some(([v]) => v?.endsWith('X'))).toBe(true) // tails of an X check char covered
      expect(new Set(prepared.flatMap((p) => (p.enc ? [p.enc.slice(3, 19)] : []))).size).toBe(prepared.filter((p) => p.enc).length)
    } finally {
      await sealer.close()
    }
  })

  it('finds pinyin-pro for the worker, outside the app archive when packaged', () => {
    expect(pinyinModulePath()).toMatch(/pinyin-pro/)
    const packed = '/opt/UnionDesk/resources/app.asar/node_modules/pinyin-pro/dist/index.js'
    expect(outsideAsar(packed, () => true)).toBe('/opt/UnionDesk/resources/app.asar.unpacked/node_modules/pinyin-pro/dist/index.js')
    expect(outsideAsar(packed, () => false)).toBe(packed)
    expect(outsideAsar('C:\\Program Files\\UnionDesk\\resources\\app.asar\\node_modules\\pinyin-pro\\dist\\index.js', () => true))
      .toBe('C:\\Program Files\\UnionDesk\\resources\\app.asar.unpacked\\node_modules\\pinyin-pro\\dist\\index.js')
    expect(outsideAsar('/work/node_modules/pinyin-pro/dist/index.js', () => true)).toBe('/work/node_modules/pinyin-pro/dist/index.js')
  })

  it('refuses work after close instead of hanging', async () => {
    const worker = new KeyVault(Buffer.alloc(32, 7)).openSealWorker(pinyinModulePath())
    await worker.close()
    await expect(worker.prepare(rows.slice(0, 1))).rejects.toThrow(/closed/)
  })

  it('does the work on the calling thread when the worker is gone or has no pinyin-pro, so an import still completes', async () => {
    const sealer = ids.openBatchSealer(loadNameKeyer)
    await sealer.close()
    const [p] = parts(await sealer.prepare(rows.slice(0, 1)))
    expect(ids.reveal(p!.enc!)).toBe(values[0])
    expect(p!.hash).toBe(ids.hash(values[0]!))
    expect(p!.pinyin).toBe('zhangsan')

    const noPinyin = new KeyVault(Buffer.alloc(32, 7)).openSealWorker('/nowhere/pinyin-pro.js')
    try {
      await expect(noPinyin.prepare(rows.slice(0, 1))).rejects.toThrow(/pinyin-pro/)
    } finally {
      await noPinyin.close()
    }
  })
})
