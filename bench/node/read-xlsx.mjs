// node read-xlsx.mjs sheetjs|exceljs DIR
// Reads every .xlsx file of DIR one after another (as Jixiao's read-xlsx does), touching every cell value,
// and prints "LIBRARY files=N cells=N cpu=C seconds=S" (C: CPU seconds of the process in the timed pass). The
// whole set is read first to warm up (BENCH_XLSX_WARMUP_PASSES times, default 5), the same as jixiao-bench
// read-xlsx; then one timed pass.
import fs from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

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

// exceljs 4.4 reads SpreadsheetML only without a namespace prefix: the OpenXml SDK writes <x:workbook …> (valid,
// and Excel, LibreOffice, SheetJS and ExcelDataReader read it), on which exceljs fails with "reading 'sheets'".
// Before timing, each file's parts are rewritten to the unprefixed form and relative relationship targets;
// the content is unchanged.
const prepared = new Map();
async function relativeTargets(file) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const name of Object.keys(zip.files).filter(n => n.startsWith('xl/') && n.endsWith('.xml'))) {
    const xml = await zip.file(name).async('string');
    zip.file(name, xml.replace(/<(\/?)x:/g, '<$1').replace(/xmlns:x=/g, 'xmlns='));
  }
  for (const name of Object.keys(zip.files).filter(n => n.endsWith('.rels'))) {
    const dir = name.replace(/_rels\/[^/]*$/, '');
    const xml = await zip.file(name).async('string');
    zip.file(name, xml.replace(/Target="\/([^"]*)"/g, (_, t) => `Target="${t.startsWith(dir) ? t.slice(dir.length) : '../'.repeat(dir.split('/').length - 1) + t}"`));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function readExcelJs(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(prepared.get(file));
  let cells = 0;
  wb.eachSheet(ws => ws.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, c => { if (c.value !== null) cells++; })));
  return cells;
}

if (lib === 'exceljs') for (const f of files) prepared.set(f, await relativeTargets(f));
const read = lib === 'sheetjs' ? async f => readSheetJs(f) : readExcelJs;
// Warm-up: full passes over the same files (BENCH_XLSX_WARMUP_PASSES, default 5), as jixiao-bench does.
const passes = Number(process.env.BENCH_XLSX_WARMUP_PASSES ?? 5);
for (let p = 0; p < passes; p++) for (const f of files) await read(f);
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let cells = 0;
for (const f of files) cells += await read(f);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const used = process.cpuUsage(cpu0);
// cpu: the process's CPU time (user + system, all threads) in the timed pass, as jixiao-bench prints it.
console.log(`${lib} files=${files.length} cells=${cells} cpu=${((used.user + used.system) / 1e6).toFixed(3)} seconds=${seconds.toFixed(3)}`);
