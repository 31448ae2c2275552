// Who was at a meeting, in the groups the formal minutes list them under (seed 003).
import { z } from 'zod';

// A row the clerk has just added has no name yet; it is still saved.
const name = z.string();

export const Attendance = z.object({
  members: z.array(z.object({ name, chair: z.boolean() })),
  coOpted: z.array(z.object({ name, voting: z.boolean() })),
  invited: z.array(z.object({ name, capacity: z.string() })),
  /** e.g. a Cabinet Member attending for an item, with their portfolio. */
  otherMembers: z.array(z.object({ name, portfolio: z.string() })),
  employees: z.array(z.object({ name, directorate: z.string() })),
  apologies: z.array(z.object({ name, note: z.string() })),
  substitutes: z.array(z.object({ name, substitutingFor: z.string() })),
});
export type Attendance = z.infer<typeof Attendance>;

export const noAttendance = (): Attendance => ({
  members: [],
  coOpted: [],
  invited: [],
  otherMembers: [],
  employees: [],
  apologies: [],
  substitutes: [],
});
