// The attendance register on paper: one table per committee and municipal year, a row per member with
// the meetings counted, present, apologies, absent, substituted for and attended as a substitute, and
// the per cents (issue 10; councils publish the same table each year as "attendance at meetings").
import type { AttendanceRecord } from '../search/registers.js';
import { escapeHtml, htmlDocument } from './html.js';

/** One committee's year of the register. */
export interface AttendanceTable {
  committeeId: string;
  committee: string;
  /** "2016/17". */
  municipalYear: string;
  /** The records in the register's order (members by surname). */
  records: AttendanceRecord[];
}

/**
 * The register's records grouped into tables, keeping the register's order (committees by name,
 * years newest first). `records` as `attendanceRegister` returns them (shared/search/registers.ts).
 */
export function attendanceTables(records: readonly AttendanceRecord[]): AttendanceTable[] {
  const tables: AttendanceTable[] = [];
  for (const record of records) {
    const last = tables.at(-1);
    if (last !== undefined && last.committeeId === record.committeeId && last.municipalYear === record.municipalYear) last.records.push(record);
    else tables.push({ committeeId: record.committeeId, committee: record.committee, municipalYear: record.municipalYear, records: [record] });
  }
  return tables;
}

/** The columns, as printed and as the window shows them: heading, then the record's value in words. */
export const attendanceColumns: readonly [string, (record: AttendanceRecord) => string][] = [
  ['Meetings', (record) => String(record.meetings)],
  ['Present', (record) => `${record.present} (${record.percentPresent}%)`],
  ['Apologies', (record) => `${record.apologies} (${record.percentApologies}%)`],
  ['Absent', (record) => `${record.absent} (${record.percentAbsent}%)`],
  ['Substituted for', (record) => String(record.substituted)],
  ['As a substitute', (record) => String(record.asSubstitute)],
];

const styles = `
  table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; font-family: system-ui, sans-serif; font-size: 0.9rem; }
  caption { text-align: left; font-weight: bold; font-size: 1.05rem; margin: 0.6rem 0; }
  th, td { border-bottom: 1px solid #bbb; padding: 0.25rem 0.4rem; text-align: left; }
  td.number, th.number { text-align: right; }
  @media print { table { break-inside: auto; } tr { break-inside: avoid; } }
`;

/**
 * The register as a complete, printable HTML document (escaped throughout, no script), headed `title`
 * ("Attendance register", with the filter the clerk chose).
 */
export function attendanceRegisterHtml(records: readonly AttendanceRecord[], title: string): string {
  const tables = attendanceTables(records).map((table) => {
    const head = `<tr><th scope="col">Member</th>${attendanceColumns.map(([heading]) => `<th scope="col" class="number">${escapeHtml(heading)}</th>`).join('')}</tr>`;
    const rows = table.records.map(
      (record) => `<tr><th scope="row">${escapeHtml(record.member)}</th>${attendanceColumns.map(([, value]) => `<td class="number">${escapeHtml(value(record))}</td>`).join('')}</tr>`,
    );
    return `<table><caption>${escapeHtml(table.committee)}, municipal year ${escapeHtml(table.municipalYear)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  });
  const body = [`<h1>${escapeHtml(title)}</h1>`, ...(tables.length === 0 ? ['<p>No attendance is recorded for these meetings.</p>'] : tables)].join('\n');
  return htmlDocument(title, body, styles);
}
