// The library a window works in: the clerk's own, or the sample library tried from the first start.
// The sample lives in its own folder inside the clerk's (sample-library/), so nothing of the sample
// ever meets the clerk's minutes, and deleting that folder (or "Delete the sample library") removes
// it whole. Switching closes one library (its search, its lock) and opens the other; every call from
// the window goes to whichever is open.
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { channelNames, type Channel } from '../../shared/channels.js';
import type { ChannelOutput } from '../../shared/contract.js';
import { createHandlers, type Handlers, type PlatformServices, type SwitchingChannel } from './handlers.js';
import { LibraryError } from './libraryErrors.js';
import { LibrarySearch } from './librarySearch.js';
import { MeetingLibrary } from './meetingLibrary.js';
import { openSampleLibrary } from './sampleLibrary.js';

/** The sample library's folder inside the clerk's library folder. */
export const SAMPLE_LIBRARY_DIR = 'sample-library';
/** A file in the sample's folder while the sample is the library open, so a restart opens it again. */
const SAMPLE_OPEN_MARK = 'open-in-minute-book';

interface Opened {
  library: MeetingLibrary;
  search: LibrarySearch;
  handlers: Omit<Handlers, SwitchingChannel>;
}

export class LibrarySession {
  /** Switches one at a time: a second click on "Open the sample library" waits for the first. */
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The clerk's own library folder. */
    readonly folder: string,
    private readonly platform: PlatformServices,
    private opened: Opened,
  ) {}

  /**
   * Opens the library that was open when Minute Book last stopped: the clerk's own in `folder`, or the
   * sample when it was left open (SAMPLE_OPEN_MARK), so a window still showing the sample after the node
   * side restarts goes on saving into it. @throws as MeetingLibrary.open, for the clerk's own library
   */
  static async open(folder: string, platform: PlatformServices): Promise<LibrarySession> {
    const sampleFolder = sampleFolderOf(folder);
    const sampleWasOpen = await access(join(sampleFolder, SAMPLE_OPEN_MARK)).then(
      () => true,
      () => false,
    );
    // A sample that cannot be opened is no reason to keep the clerk from their own library.
    const sample = sampleWasOpen ? await openLibrary(sampleFolder, true, platform).catch(() => null) : null;
    return new LibrarySession(folder, platform, sample ?? (await openLibrary(folder, false, platform)));
  }

  /** The library open now (own or sample). */
  get library(): MeetingLibrary {
    return this.opened.library;
  }

  get sampleFolder(): string {
    return sampleFolderOf(this.folder);
  }

  /**
   * Every channel's handler: the two that switch library, and the rest passed to whichever library is
   * open at the time of the call (one object for the life of the app, for ipcMain and the bridge).
   */
  readonly handlers: Handlers = (() => {
    const live: Record<string, (input: never) => Promise<unknown>> = {};
    for (const channel of channelNames) live[channel] = (input) => (this.opened.handlers[channel as Exclude<Channel, SwitchingChannel>] as (input: never) => Promise<unknown>)(input);
    const switching: Pick<Handlers, SwitchingChannel> = {
      'library:open-sample': () => this.serially(() => this.openSample()),
      'library:leave-sample': ({ deleteSample }) => this.serially(() => this.leaveSample(deleteSample)),
    };
    return { ...(live as unknown as Handlers), ...switching };
  })();

  /** Closes the open library and its search (at quit). */
  async close(): Promise<void> {
    await this.opened.search.close().finally(() => this.opened.library.close());
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.switching.then(step, step);
    this.switching = next.catch(() => undefined);
    return next;
  }

  /**
   * Opens the sample library: the one kept from an earlier try, or else a new one with the sample
   * minutes imported and the next meeting drafted (sampleLibrary.ts). Answers the draft to open.
   * Refused (conflict) while the sample is already open.
   */
  private async openSample(): Promise<ChannelOutput<'library:open-sample'>> {
    if (this.library.overview().sample) throw new LibraryError('conflict', 'The sample library is already open.');
    const sample = await openLibrary(this.sampleFolder, true, this.platform);
    try {
      const opened = sample.library.overview().meetings.length > 0 ? { summary: null, draftId: newestDraftOf(sample.library) } : await openSampleLibrary(sample.library, this.platform.sampleFolder ?? null);
      await writeFile(join(this.sampleFolder, SAMPLE_OPEN_MARK), 'The sample library was open when Minute Book last stopped.\n');
      await this.switchTo(sample);
      return { ...opened, library: sample.library.overview() };
    } catch (error) {
      await sample.search.close().finally(() => sample.library.close());
      throw error;
    }
  }

  /** Back to the clerk's own library, the sample kept for another try or deleted (its folder removed). */
  private async leaveSample(deleteSample: boolean): Promise<ChannelOutput<'library:leave-sample'>> {
    if (!this.library.overview().sample) throw new LibraryError('conflict', 'The sample library is not open: this is your own library.');
    await this.switchTo(await openLibrary(this.folder, false, this.platform));
    await rm(join(this.sampleFolder, SAMPLE_OPEN_MARK), { force: true });
    if (deleteSample) await rm(this.sampleFolder, { recursive: true, force: true });
    return this.library.overview();
  }

  private async switchTo(next: Opened): Promise<void> {
    const previous = this.opened;
    this.opened = next;
    await previous.search.close().finally(() => previous.library.close());
  }
}

const sampleFolderOf = (folder: string): string => join(folder, SAMPLE_LIBRARY_DIR);

/** A library and its search, and the handlers that answer for them. @throws as MeetingLibrary.open */
async function openLibrary(folder: string, sample: boolean, platform: PlatformServices): Promise<Opened> {
  const library = await MeetingLibrary.open({ folder, checkSignedInBackground: true, sample });
  const search = new LibrarySearch(library);
  return { library, search, handlers: createHandlers(library, platform, search) };
}

/** The sample's newest draft, where a clerk trying it was last writing; else its newest meeting. */
function newestDraftOf(library: MeetingLibrary): string {
  const newestFirst = [...library.overview().meetings].sort((a, b) => b.date.localeCompare(a.date));
  return (newestFirst.find((meeting) => meeting.status === 'draft') ?? newestFirst[0]!).id;
}
