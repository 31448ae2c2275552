// A change to the meeting's details (the roll call, the start and closing times) made as a step of
// the minutes' own editor history. Live capture records these between comings and goings, votes and
// declarations, which are blocks of the minutes: as steps of the same history, one Ctrl+Z takes back
// whichever came last, and Ctrl+Y brings it back, instead of the details standing outside the undo.
// The document itself is unchanged by the step; the window applies `after` to the details it holds.
import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import { z } from 'zod';
import { Meeting } from '../model/meeting.js';

/** The details live capture changes, as a step records them. */
export const LiveDetails = Meeting.pick({ attendance: true, startTime: true, closingTime: true }).partial();
export type LiveDetails = z.infer<typeof LiveDetails>;

const StepShape = z.object({ stepType: z.literal('meetingDetails'), before: LiveDetails, after: LiveDetails });

export class MeetingDetailsStep extends Step {
  /**
   * @param before the fields as they were (the same keys as `after`)
   * @param after the fields as the step leaves them
   */
  constructor(
    readonly before: LiveDetails,
    readonly after: LiveDetails,
  ) {
    super();
  }

  apply(doc: ProseMirrorNode): StepResult {
    return StepResult.ok(doc);
  }

  invert(): Step {
    return new MeetingDetailsStep(this.after, this.before);
  }

  // Nothing in the document moves, so the step maps to itself and maps nothing.
  map(_mapping: Mappable): Step {
    return this;
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  override toJSON(): z.infer<typeof StepShape> {
    return { stepType: 'meetingDetails', before: this.before, after: this.after };
  }

  /**
   * Reads a step back from the recovery journal.
   * @throws Error naming the field when the JSON is not a details step of the meeting schema
   */
  static override fromJSON(_schema: Schema, json: unknown): MeetingDetailsStep {
    const parsed = StepShape.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RangeError(`A recorded change to the meeting's details is not valid (${issue.path.join('.')}: ${issue.message}).`);
    }
    return new MeetingDetailsStep(parsed.data.before, parsed.data.after);
  }
}

Step.jsonID('meetingDetails', MeetingDetailsStep);

/** The fields of `details` that `after` changes, as they are now: the `before` of a step to `after`. */
export function detailsBefore(details: Required<LiveDetails>, after: LiveDetails): LiveDetails {
  const before: LiveDetails = {};
  if ('attendance' in after) before.attendance = details.attendance;
  if ('startTime' in after) before.startTime = details.startTime;
  if ('closingTime' in after) before.closingTime = details.closingTime;
  return before;
}

/** The details changes among a dispatch's steps, in order (undone ones as their inverses). */
export const detailsChanges = (steps: readonly Step[]): LiveDetails[] => steps.filter((step): step is MeetingDetailsStep => step instanceof MeetingDetailsStep).map((step) => step.after);
