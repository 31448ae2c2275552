// Run by the bench in a fresh node (node --expose-gc --import tsx): opens the library at argv[2] as the
// bridge does, with its search, waits until search can answer and the signed records are checked,
// collects garbage and prints the heap then in use, in MB, as JSON.
import { LibrarySearch } from '../../electron/services/librarySearch.js';
import { MeetingLibrary } from '../../electron/services/meetingLibrary.js';

const library = await MeetingLibrary.open({ folder: process.argv[2]!, checkSignedInBackground: true });
const search = new LibrarySearch(library);
await search.searchable();
await library.whenSignedRecordsChecked();
(globalThis as { gc?: () => void }).gc?.();
console.log(JSON.stringify({ heapMB: process.memoryUsage().heapUsed / 2 ** 20 }));
await search.close();
await library.close();
