import type { EthnicityCode } from '../../../shared/domain/ethnicity'
import { makeIdNumber } from '../../../shared/domain/id-number'
import type { MemberFields } from '../../../shared/domain/member'
import type { MemberStatus } from '../../../shared/domain/member-status'

/** Small deterministic PRNG (mulberry32) so demo data, tests and benchmarks are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const DEMO_DEPARTMENTS = [
  '发电运行部', '检修维护部', '安全监察部', '综合办公室', '财务资产部', '人力资源部', '工程技术部', '物资供应部',
]

const HAN_SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭罗梁宋郑谢唐冯于董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹易常武乔贺文单'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国海燕志鹏宇浩晨欣怡佳文斌慧琳峰辉波宁雪梅山淑帅胜书松'
const TIBETAN = ['扎西', '卓玛', '才让', '多杰', '拉毛', '索南', '尼玛', '次仁', '旦增', '央金', '格桑', '措姆', '仁青', '更登', '桑杰', '完玛', '东主', '华旦', '拉姆', '德吉']
const HUI_SURNAMES = '马马马韩冶白沙喇马杨'
const TU_SURNAMES = '李祁吕鲁星东朱秦'
const SALAR_SURNAMES = '韩马冶沈韩'
const MONGOL = ['巴特尔', '其其格', '斯琴', '乌兰', '那仁', '额尔敦', '宝音', '苏和', '图雅', '乌日娜', '朝鲁', '阿拉坦']
const AREAS = ['630102', '630103', '630104', '630105', '630121', '630202', '630203', '632221', '632521', '632523', '632621', '632801', '632802', '632126', '632128']
const NATIVE_PLACES = ['青海西宁', '青海海东', '青海海南', '青海海北', '青海黄南', '青海果洛', '青海海西', '甘肃兰州', '四川成都', '陕西西安']

export type DemoPerson = { fields: MemberFields; status: MemberStatus; statusDate: string | null }

/** The Qinghai mix from domain.md: many Tibetan, Hui, Tu, Salar and Mongol members. */
const ETHNIC_MIX: Array<[EthnicityCode, number]> = [['01', 0.55], ['04', 0.2], ['03', 0.12], ['30', 0.05], ['35', 0.03], ['02', 0.03], ['11', 0.02]]

function pick<T>(rnd: () => number, list: ArrayLike<T>): T {
  return list[Math.floor(rnd() * list.length)]!
}

function personName(rnd: () => number, eth: EthnicityCode): string {
  const given = () => pick(rnd, GIVEN) + (rnd() < 0.6 ? pick(rnd, GIVEN) : '')
  switch (eth) {
    case '04': return pick(rnd, TIBETAN) + (rnd() < 0.7 ? pick(rnd, TIBETAN) : '')
    case '03': return pick(rnd, HUI_SURNAMES) + given()
    case '30': return pick(rnd, TU_SURNAMES) + given()
    case '35': return pick(rnd, SALAR_SURNAMES) + given()
    case '02': return rnd() < 0.7 ? pick(rnd, MONGOL) : pick(rnd, HAN_SURNAMES) + pick(rnd, MONGOL)
    default: return pick(rnd, HAN_SURNAMES) + given()
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/**
 * Realistic register rows: valid ID numbers (unique), Qinghai areas, departments by index, a few
 * members in each non-active status and about 1% unqualified records for the "to fix" list.
 */
export function generateDemoPeople(count: number, seed = 20261127, departmentIds: number[] = [1]): DemoPerson[] {
  const rnd = seededRandom(seed)
  const usedIds = new Set<string>()
  const people: DemoPerson[] = []
  for (let i = 0; i < count; i++) {
    let r = rnd()
    let eth: EthnicityCode = '01'
    for (const [code, share] of ETHNIC_MIX) { if ((r -= share) < 0) { eth = code; break } }
    const gender = rnd() < 0.42 ? 'F' : 'M'
    const year = 1966 + Math.floor(rnd() * 38)
    const birth = `${year}${pad(1 + Math.floor(rnd() * 12))}${pad(1 + Math.floor(rnd() * 28))}`
    let idNumber = ''
    do {
      const seq = Math.floor(rnd() * 500) * 2 + (gender === 'M' ? 1 : 0)
      idNumber = makeIdNumber(pick(rnd, AREAS), birth, seq)
    } while (usedIds.has(idNumber))
    usedIds.add(idNumber)
    const joinYear = Math.min(2025, year + 20 + Math.floor(rnd() * 15))
    const fields: MemberFields = {
      name: personName(rnd, eth), cardNo: `QH${pad(i + 1, 7)}`, gender,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, ethnicity: eth, idNumber,
      mobile: `1${pick(rnd, '3578')}${pad(Math.floor(rnd() * 1e9), 9)}`,
      education: pick(rnd, ['postgraduate', 'bachelor', 'bachelor', 'college', 'college', 'secondary', 'junior'] as const),
      politicalStatus: pick(rnd, ['cpc', 'cpc', 'cyl', 'masses', 'masses', 'masses', 'democraticParty'] as const),
      nativePlace: pick(rnd, NATIVE_PLACES), departmentId: pick(rnd, departmentIds),
      post: pick(rnd, ['运行值班员', '检修工', '安全员', '技术员', '办公室文员', '会计', '班长', '主任']),
      title: pick(rnd, [null, '助理工程师', '工程师', '高级工程师', '技师']),
      employeeNo: `E${pad(100000 + i, 6)}`, joinDate: `${joinYear}-${pad(1 + Math.floor(rnd() * 12))}-01`,
      wageBaseFen: (3000 + Math.floor(rnd() * 12000)) * 100, migrantWorker: rnd() < 0.08,
    }
    // About 1%: records as they arrive from old rosters, incomplete or inconsistent.
    const flaw = rnd()
    if (flaw < 0.004) fields.ethnicity = null
    else if (flaw < 0.007) fields.joinDate = null
    else if (flaw < 0.01) fields.birthDate = `${year}-01-01`
    let status: MemberStatus = 'active'
    const s = rnd()
    if (s < 0.05) status = 'retained'
    else if (s < 0.08) status = 'transferredOut'
    else if (s < 0.095) status = 'exited'
    else if (s < 0.1) status = 'deceased'
    people.push({ fields, status, statusDate: status === 'active' ? null : `2025-${pad(1 + Math.floor(rnd() * 12))}-15` })
  }
  return people
}
