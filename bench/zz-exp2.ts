import ExcelJS from 'exceljs'
async function main() {
const file = process.argv[2]!
let t = performance.now()
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' })
let n = 0
for await (const sheet of reader) { for await (const row of sheet) { n++ } }
console.log('parse', n, (performance.now()-t).toFixed(0), 'rss', (process.resourceUsage().maxRSS/1024).toFixed(0))
}
main()
