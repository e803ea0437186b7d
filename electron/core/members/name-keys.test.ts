import { pinyin } from 'pinyin-pro'
import { describe, expect, it } from 'vitest'
import { DEMO_DEPARTMENTS, generateDemoPeople } from '../demo/demo-people'
import { loadNameKeyer, nameCharacters } from './name-keys'

/** What pinyin-pro reads for the whole name, as the keys store it. */
function wholeNameKeys(name: string) {
  const readings = pinyin(nameCharacters(name).join(''), { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
  const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  return { pinyin: readings.map(letters).join(''), initials: readings.map((s) => letters(s).slice(0, 1)).join('') }
}

const TRICKY = [
  '单雄信', '曾国藩', '区家麟', '仇英', '解缙', '朴树', '查良镛', '乐嘉', '长孙无忌', '张长江', '李重阳', '朝晖', '王行',
  '欧阳娜娜', '尉迟恭', '万俟卨', '吕布', '女娲', '绿珠', '扎西卓玛', '阿依古丽·买买提', '迪丽热巴', 'Zhang Wei', '张伟2',
  '㐀文', '𠮷田', '曾', '',
]

describe('name keys', () => {
  it('read every name as pinyin-pro reads the whole name, including surnames and characters of several readings', async () => {
    const keyer = await loadNameKeyer()
    const demo = generateDemoPeople(3000, 7, DEMO_DEPARTMENTS.map((_, i) => i + 1)).map((p) => p.fields.name)
    for (const name of [...TRICKY, ...demo]) {
      const { pinyin: full, initials } = keyer(name)
      expect({ name, pinyin: full, initials }).toEqual({ name, ...wholeNameKeys(name) })
    }
    expect(keyer('单雄信').pinyin).toBe('shanxiongxin')
    expect(keyer('曾国藩').initials).toBe('zgf')
  })
})
