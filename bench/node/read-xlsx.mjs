// node read-xlsx.mjs sheetjs|exceljs DIR
// Reads every .xlsx file of DIR one after another (as Jixiao's read-xlsx does), touching every cell value,
// and prints "LIBRARY files=N cells=N seconds=S". The first 20 files are read once first to warm up.
import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import ExcelJS from 'exceljs';

const [lib, dir] = process.argv.slice(2);
if (!lib || !dir) {
  console.error('usage: node read-xlsx.mjs sheetjs|exceljs DIR');
  process.exit(2);
}
const files = fs.readdirSync(dir).filter(f => f.endsWith('.xlsx')).sort().map(f => path.join(dir, f));

function readSheetJs(file) {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellFormula: false, cellHTML: false, cellText: true });
  let cells = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    for (const key in ws) if (key[0] !== '!' && ws[key].v !== undefined) cells++;
  }
  return cells;
}

async function readExcelJs(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file));
  let cells = 0;
  wb.eachSheet(ws => ws.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, c => { if (c.value !== null) cells++; })));
  return cells;
}

const read = lib === 'sheetjs' ? async f => readSheetJs(f) : readExcelJs;
for (const f of files.slice(0, 20)) await read(f);
const t0 = process.hrtime.bigint();
let cells = 0;
for (const f of files) cells += await read(f);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${lib} files=${files.length} cells=${cells} seconds=${seconds.toFixed(3)}`);
