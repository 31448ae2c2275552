// The words both printed comparisons (text and HTML) use for structural changes, so they say the same.
import type { Attendance } from '../model/attendance.js';
import type { BlockComparison, DetailChange, ItemComparison } from './compareMeetings.js';

export const detailNames: Record<DetailChange['field'], string> = {
  date: 'Date',
  startTime: 'Start time',
  closingTime: 'Closing time',
  venue: 'Venue',
  contact: 'Contact',
  firstMinuteNumber: 'First minute number',
  status: 'Status',
};

/** The attendance groups' headings, as the formal minutes print them. */
export const attendanceListNames: Record<keyof Attendance, string> = {
  members: 'Members',
  coOpted: 'Co-Opted Members',
  invited: 'Invited',
  otherMembers: 'Other Members',
  employees: 'Employees',
  apologies: 'Apologies',
  substitutes: 'Substitutes',
};

/** "Minute 58: Budget Monitoring" by the item's number after (before, when removed), its title as it reads after. */
export function itemHeading(item: ItemComparison): string {
  const place = item.after ?? item.before!;
  const title = item.title.parts.filter((part) => part.kind !== (item.after === null ? 'inserted' : 'deleted')).map((part) => part.text).join('');
  return `Minute ${place.minuteNumber}: ${title.trim() === '' ? '(untitled)' : title}`;
}

/** What happened to the item as a whole: "Added", "Removed", "Item moved from 4 to 6", "Minute 57 renumbered 58", "Edited". Places count from 1. */
export function itemNotes(item: ItemComparison): string[] {
  if (item.kind === 'added') return ['Added'];
  if (item.kind === 'removed') return ['Removed'];
  const notes: string[] = [];
  if (item.moved) notes.push(`Item moved from ${item.before!.index + 1} to ${item.after!.index + 1}`);
  if (item.renumbered) notes.push(`Minute ${item.before!.minuteNumber} renumbered ${item.after!.minuteNumber}`);
  if (item.kind === 'edited') notes.push('Edited');
  return notes;
}

/** "Added", "Removed", or the attribute changes of a block ("unanimous: no → yes"); empty for a block whose words alone changed. */
export function blockChangeNote(block: BlockComparison): string {
  if (block.kind === 'added') return 'Added';
  if (block.kind === 'removed') return 'Removed';
  return block.attributes.join('; ');
}
