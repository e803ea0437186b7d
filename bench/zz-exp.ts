import ExcelJS from 'exceljs'
import { generateDemoPeople } from '../electron/core/demo/demo-people'
const N = Number(process.argv[2] ?? 100000)
const file = `/tmp/exp/s${N}.xlsx`
let t = performance.now()
const people = generateDemoPeople(N, 42, [1,2,3,4,5,6,7,8])
console.log('gen', (performance.now()-t).toFixed(0))
t = performance.now()
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true })
const ws = wb.addWorksheet('花名册')
ws.addRow(['某某公司工会会员花名册']).commit()
ws.addRow(['姓名','性别','民族','身份证号码','出生日期','手机号码','部门','岗位','职称','工号','文化程度','政治面貌','籍贯','入会日期','会员证号','缴费基数','农民工']).commit()
for (const p of people) { const f = p.fields
  ws.addRow([f.name, f.gender==='M'?'男':'女', '汉族', f.idNumber, f.birthDate, f.mobile, '发电运行部', f.post, f.title, f.employeeNo, '大学本科', '群众', f.nativePlace, f.joinDate, f.cardNo, (f.wageBaseFen??0)/100, f.migrantWorker?'是':'否']).commit()
}
await wb.commit()
console.log('write', (performance.now()-t).toFixed(0))
t = performance.now()
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })
let n = 0
for await (const sheet of reader) { for await (const row of sheet) { const v = (row as any).values; n += v.length > 0 ? 1 : 0 } }
console.log('parse', n, (performance.now()-t).toFixed(0), 'rss', (process.resourceUsage().maxRSS/1024).toFixed(0))
