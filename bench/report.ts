// Results of one benchmark: a printed table, bench/results/<name>-<adapter>.json with the raw
// numbers, and a small hand-written SVG bar chart beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Cell = string | number;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export interface Chart {
  title: string;
  unit: string;
  bars: { label: string; value: number }[];
}

export interface BenchResult {
  name: string;
  adapterKey: string;
  adapter: string;
  title: string;
  /** How the numbers were taken (repetitions, sizes, caps), and anything not measured. */
  notes: string[];
  table: Table;
  chart: Chart;
  /** Every measured value, for later comparison. */
  data: unknown;
}

/** Where results go: $BENCH_RESULTS, else bench/results under the working directory. */
export function resultsDir(): string {
  return process.env.BENCH_RESULTS ?? join('bench', 'results');
}

/** Numbers with three significant digits, the precision run-to-run noise allows. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  return value.toFixed(Math.min(decimals, 6));
}

function cellText(c: Cell): string {
  return typeof c === 'number' ? fmt(c) : c;
}

export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((r) => r.map(cellText))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A horizontal bar chart: one labelled bar per value, scaled to the largest. */
export function barChartSvg(chart: Chart): string {
  const labelWidth = 300;
  const barWidth = 360;
  const row = 24;
  const top = 40;
  const width = labelWidth + barWidth + 110;
  const height = top + chart.bars.length * row + 16;
  const max = Math.max(...chart.bars.map((b) => b.value), Number.MIN_VALUE);
  const bars = chart.bars.map((b, i) => {
    const y = top + i * row;
    const w = Math.max(1, (b.value / max) * barWidth);
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeXml(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="#4878a8"/>`,
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 16}">${escapeXml(`${fmt(b.value)} ${chart.unit}`)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}

/** Prints the table and notes, and writes the JSON and SVG files; returns the JSON path. */
export function report(result: BenchResult): string {
  console.log(`\n## ${result.title} (${result.adapter})\n`);
  console.log(formatTable(result.table));
  for (const note of result.notes) console.log(`- ${note}`);
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${result.name}-${result.adapterKey}`);
  const json = { ...result, date: new Date().toISOString(), node: process.version };
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.svg`, barChartSvg(result.chart));
  return `${base}.json`;
}
