// The table `npm run bench` prints (issue 12's measures, each a ratio to an anchor measured in the same
// run), what it writes to bench/results.json, and the CI check of the ratios with generous margins.
import { cpus, loadavg, totalmem } from 'node:os';

export interface BenchRow {
  measure: string;
  /** What was measured, and its anchor, as printed ("p95 12.3 ms", "rg median 210 ms"). */
  value: string;
  anchor: string;
  /** value ÷ anchor (or the value itself where there is no anchor, as for registers' milliseconds). */
  ratio: number;
  /** How the ratio is written: "2.4×", "1/37", "63 ms", "21.0 MB/s". */
  unit: '×' | 'fraction' | 'ms' | 'MB/s';
  /** How the ratio is judged: at most or at least `bound`. */
  target: { kind: 'at most' | 'at least'; bound: number; label: string };
  /** What the CI check allows (a margin over the target, for a noisy 2-core machine). */
  ciBound: number;
  note?: string;
}

export const met = (row: BenchRow, bound = row.target.bound): boolean => (row.target.kind === 'at most' ? row.ratio <= bound : row.ratio >= bound);

export function formatRatio(row: BenchRow): string {
  if (Number.isNaN(row.ratio)) return '—';
  if (row.unit === 'fraction') return row.ratio >= 1 ? `${row.ratio.toFixed(1)}×` : `1/${(1 / row.ratio).toFixed(1 / row.ratio < 10 ? 1 : 0)}`;
  if (row.unit === 'ms') return `${row.ratio.toFixed(0)} ms`;
  if (row.unit === 'MB/s') return `${row.ratio.toFixed(1)} MB/s`;
  return `${row.ratio < 10 ? row.ratio.toFixed(2) : row.ratio.toFixed(1)}×`;
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

export function renderTable(rows: readonly BenchRow[]): string {
  return pad([
    ['measure', 'measured', 'anchor (same run)', 'ratio', 'target', 'met'],
    ...rows.map((row) => [row.measure, row.value, row.anchor, formatRatio(row), row.target.label, Number.isNaN(row.ratio) ? 'not measured' : met(row) ? 'met' : 'NOT MET']),
  ]);
}

export function machine(chromiumVersion: string | null): Record<string, unknown> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))),
  };
}

export function resultsJson(rows: readonly BenchRow[], details: Record<string, unknown>): Record<string, unknown> {
  return {
    ...details,
    rows: rows.map((row) => ({
      measure: row.measure,
      value: row.value,
      anchor: row.anchor,
      ratio: Number.isNaN(row.ratio) ? null : Number(row.ratio.toPrecision(4)),
      target: row.target.label,
      met: Number.isNaN(row.ratio) ? null : met(row),
      ciBound: Number(row.ciBound.toPrecision(3)),
      ...(row.note === undefined ? {} : { note: row.note }),
    })),
  };
}
