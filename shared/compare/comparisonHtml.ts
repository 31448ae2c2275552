// A comparison as a standalone, printable HTML document: deletions struck through in <del>, insertions
// underlined in <ins>, structural changes said in words. The export shell's escaping and
// Content-Security-Policy (no script at all) apply, as for every HTML Minute Book writes.
import { escapeHtml, htmlDocument } from '../export/html.js';
import type { BlockComparison, ItemComparison, MeetingComparison, TextComparison } from './compareMeetings.js';
import { attendanceListNames, blockChangeNote, detailNames, itemHeading, itemNotes } from './comparisonWords.js';

// Colour and a second cue (strike-through, underline) so the marks survive a black-and-white printer.
const styles = `
  del { color: #a4161a; background: #fde8e8; text-decoration: line-through; }
  ins { color: #1b5e20; background: #e6f4ea; text-decoration: underline; }
  .note { font-family: system-ui, sans-serif; font-size: 0.85rem; color: #4a5160; }
  .block { margin: 0.3rem 0; }
  .block .label { font-family: system-ui, sans-serif; font-size: 0.8rem; color: #4a5160; margin-right: 0.4rem; }
  .item { border-top: 1px solid #d5d9e0; margin-top: 1rem; }
  @media print { del { background: none; color: inherit; } ins { background: none; color: inherit; } .item { break-inside: avoid-page; } }
`;

/** A text comparison's parts, escaped, with deletions in <del> and insertions in <ins>. */
export const markedHtml = (text: TextComparison): string =>
  text.parts.map((part) => (part.kind === 'same' ? escapeHtml(part.text) : `<${part.kind === 'deleted' ? 'del' : 'ins'}>${escapeHtml(part.text)}</${part.kind === 'deleted' ? 'del' : 'ins'}>`)).join('');

const blockHtml = (block: BlockComparison): string => {
  const note = blockChangeNote(block);
  return `<p class="block block-${block.kind}" style="margin-left: ${block.depth * 1.5}rem"><span class="label">${escapeHtml(block.label)}</span>${markedHtml(block.text)}${note === '' ? '' : ` <span class="note">(${escapeHtml(note)})</span>`}</p>`;
};

function itemHtml(item: ItemComparison): string {
  const notes = itemNotes(item);
  const retitled = item.before !== null && item.after !== null && item.title.changed ? [{ name: 'title', text: item.title }] : [];
  const fields = [...retitled, ...item.fields].map((field) => `<p class="block"><span class="label">${escapeHtml(field.name)}</span>${markedHtml(field.text)}</p>`);
  return `<section class="item item-${item.kind}"><h3>${escapeHtml(itemHeading(item))}</h3>${notes.length === 0 ? '' : `<p class="note">${escapeHtml(notes.join('; '))}</p>`}${fields.join('')}${item.blocks.map(blockHtml).join('')}</section>`;
}

/**
 * The comparison as a complete HTML document: a heading naming both meetings (`names`, e.g. the
 * committee and date of each, else their dates and revisions), the details and attendance that changed,
 * and every item in display order with its marks. Printable; escaped throughout; no script.
 */
export function comparisonHtml(comparison: MeetingComparison, names: { before?: string; after?: string } = {}): string {
  const { before, after } = comparison;
  const beforeName = names.before ?? `${before.date}, revision ${before.revision}`;
  const afterName = names.after ?? `${after.date}, revision ${after.revision}`;
  const parts = [
    `<h1>Comparison of ${escapeHtml(beforeName)} with ${escapeHtml(afterName)}</h1>`,
    `<p class="note"><del>Struck</del> words are only in the first, <ins>underlined</ins> words only in the second.</p>`,
    `<p class="note">${comparison.changeCount} change${comparison.changeCount === 1 ? '' : 's'}</p>`,
  ];
  if (comparison.details.length > 0) {
    const rows = comparison.details.map((detail) => `<li>${escapeHtml(detailNames[detail.field])}: <del>${escapeHtml(detail.before)}</del> <ins>${escapeHtml(detail.after)}</ins></li>`);
    parts.push('<h2>Details</h2>', `<ul>${rows.join('')}</ul>`);
  }
  if (comparison.attendance.length > 0) {
    const rows = comparison.attendance.map((change) => {
      const was = change.before === null ? '' : `<del>${escapeHtml(change.before)}</del>`;
      const now = change.after === null ? '' : `<ins>${escapeHtml(change.after)}</ins>`;
      const said = { added: 'Added', removed: 'Removed', edited: 'Changed' }[change.kind];
      return `<li>${escapeHtml(attendanceListNames[change.list])} — ${said}: ${[was, now].filter(Boolean).join(' ')}</li>`;
    });
    parts.push('<h2>Attendance</h2>', `<ul>${rows.join('')}</ul>`);
  }
  parts.push('<h2>Items</h2>', ...comparison.items.map(itemHtml));
  return htmlDocument(`Comparison of ${beforeName} with ${afterName}`, parts.join('\n'), styles);
}
