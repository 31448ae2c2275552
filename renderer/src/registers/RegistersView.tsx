// The registers a clerk keeps: every resolution, the requests for information still outstanding (the
// "Outstanding Issues" list, with the status the clerk sets), declarations of interest by member, and
// attendance by member, committee and municipal year (printable). Each entry links to its minute.
import { useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { ChannelOutput, LibraryOverview } from '../../../shared/contract.js';
import { formatProseDate } from '../../../shared/dates.js';
import { attendanceColumns, attendanceRegisterHtml, attendanceTables } from '../../../shared/export/attendanceRegisterHtml.js';
import type { MinutePlace } from '../../../shared/search/citation.js';
import { api } from '../api.js';
import { CommitteeSelect } from '../common/CommitteeSelect.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { printDocument } from '../common/printDocument.js';
import type { MinuteToOpen } from '../search/SearchView.js';

type Registers = ChannelOutput<'registers:open'>;
/** The latest resolutions and requests, shown while the whole registers are read (seconds at a council's whole archive). */
interface FirstPages {
  resolutions: Registers['resolutions'];
  requests: Registers['requests'];
  totalResolutions: number;
  totalRequests: number;
}
/** How many of the latest resolutions and requests are shown at once. */
const FIRST_PAGE = 100;
type Register = 'resolutions' | 'requests' | 'declarations' | 'attendance';

const registerNames: Record<Register, string> = {
  resolutions: 'Resolutions',
  requests: 'Requests and actions',
  declarations: 'Declarations by member',
  attendance: 'Attendance',
};

function MinuteLink({ place, onOpen }: { place: MinutePlace; onOpen: (minute: MinuteToOpen) => void }) {
  return (
    <button type="button" className="result-link" onClick={() => onOpen({ meetingId: place.meetingId, itemId: place.itemId })}>
      Minute {place.citation}, {place.title}
    </button>
  );
}

export function RegistersView({ library, onOpen }: { library: LibraryOverview; onOpen: (minute: MinuteToOpen) => void }) {
  const [registers, setRegisters] = useState<Registers | null>(null);
  const [firstPages, setFirstPages] = useState<FirstPages | null>(null);
  const [shown, setShown] = useState<Register>('resolutions');
  const [committeeId, setCommitteeId] = useState('');
  const [contains, setContains] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [year, setYear] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let whole = false;
    const page = (register: 'resolutions' | 'requests') => api.call('registers:page', { register, offset: 0, limit: FIRST_PAGE });
    // Only to show something sooner: a failure here is the whole registers' to report.
    Promise.all([page('resolutions'), page('requests')]).then(
      ([resolutions, requests]) => {
        if (whole || resolutions.register !== 'resolutions' || requests.register !== 'requests') return;
        setFirstPages({ resolutions: resolutions.entries, requests: requests.entries, totalResolutions: resolutions.total, totalRequests: requests.total });
      },
      () => undefined,
    );
    api.call('registers:open', {}).then((all) => {
      whole = true;
      setRegisters(all);
    }, setError);
  }, []);
  const resolutions = registers?.resolutions ?? firstPages?.resolutions;
  const requests = registers?.requests ?? firstPages?.requests;

  const inScope = (place: MinutePlace, text: string) =>
    (committeeId === '' || place.committeeId === committeeId) && text.toLowerCase().includes(contains.trim().toLowerCase());

  const attendance = (registers?.attendance ?? []).filter(
    (record) => (committeeId === '' || record.committeeId === committeeId) && (year === '' || record.municipalYear === year) && record.member.toLowerCase().includes(contains.trim().toLowerCase()),
  );
  const years = [...new Set((registers?.attendance ?? []).map((record) => record.municipalYear))].sort().reverse();
  const printAttendance = () => {
    const committee = library.committees.find((each) => each.id === committeeId)?.name;
    const scope = [committee, year === '' ? '' : `municipal year ${year}`].filter(Boolean).join(', ');
    printDocument('Attendance register for printing', attendanceRegisterHtml(attendance, scope === '' ? 'Attendance register' : `Attendance register: ${scope}`));
  };

  const setStatus = async (meetingId: string, requestId: string, status: 'open' | 'answered') => {
    try {
      await api.call('requests:set-status', { meetingId, requestId, status });
      const marked = (entries: Registers['requests']) => entries.map((entry) => (entry.requestId === requestId ? { ...entry, status } : entry));
      setRegisters((old) => old && { ...old, requests: marked(old.requests) });
      setFirstPages((old) => old && { ...old, requests: marked(old.requests) });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="registers-view" aria-label="Registers">
      <h1>Registers</h1>
      {/* react-aria's Tabs: the arrow keys move between the registers, Tab goes on to the filters. */}
      <Tabs selectedKey={shown} onSelectionChange={(key) => setShown(key as Register)}>
        <TabList aria-label="Register" className="tabs">
          {(Object.keys(registerNames) as Register[]).map((register) => (
            <Tab key={register} id={register} className="tab">
              {registerNames[register]}
            </Tab>
          ))}
        </TabList>
        <div className="filters" role="group" aria-label="Filters">
          <CommitteeSelect committees={library.committees} value={committeeId} onChange={setCommitteeId} allowAll />
          <label>
            Containing
            <input type="search" value={contains} onChange={(event) => setContains(event.target.value)} />
          </label>
          {shown === 'attendance' && (
            <>
              <label>
                Municipal year
                <select value={year} onChange={(event) => setYear(event.target.value)}>
                  <option value="">All years</option>
                  {years.map((each) => (
                    <option key={each} value={each}>
                      {each}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={printAttendance} disabled={registers === null}>
                Print…
              </button>
            </>
          )}
          {shown === 'requests' && (
            <label className="check">
              <input type="checkbox" checked={onlyOpen} onChange={(event) => setOnlyOpen(event.target.checked)} /> Outstanding only
            </label>
          )}
        </div>
        <ErrorMessage error={error} />
        {/* The one register shown: its panel is labelled by its tab. */}
        <TabPanel id={shown}>
          {registers === null && (firstPages === null || shown === 'declarations' || shown === 'attendance') && <p>Reading every meeting…</p>}
          {registers === null && firstPages !== null && (shown === 'resolutions' || shown === 'requests') && (
            <p role="status">
              The latest {(shown === 'resolutions' ? firstPages.resolutions : firstPages.requests).length.toLocaleString('en-GB')} of{' '}
              {(shown === 'resolutions' ? firstPages.totalResolutions : firstPages.totalRequests).toLocaleString('en-GB')} {shown}; reading every meeting for the rest…
            </p>
          )}
          {shown === 'resolutions' && (
            <ol className="register">
              {resolutions
                ?.filter((entry) => inScope(entry, [entry.opening, ...entry.parts.map((part) => part.text)].join(' ')))
                .map((entry, index) => (
                  <li key={`${entry.meetingId}:${entry.itemId}:${index}`}>
                    <p className="register-place">
                      {formatProseDate(entry.date)} · <MinuteLink place={entry} onOpen={onOpen} />
                      {entry.unanimous && ' · unanimous'}
                    </p>
                    <p className="resolution-text">{entry.opening}</p>
                    {entry.parts.length > 0 && (
                      <ul>
                        {entry.parts.map((part, partIndex) => (
                          <li key={partIndex} style={{ marginLeft: `${part.depth}rem` }}>
                            {part.label ? `${part.label} ` : ''}
                            {part.text}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
            </ol>
          )}
          {shown === 'requests' && (
            <table className="register">
              <thead>
                <tr>
                  <th scope="col">Asked</th>
                  <th scope="col">Of</th>
                  <th scope="col">Minute</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {requests
                  ?.filter((entry) => inScope(entry, `${entry.asked} ${entry.askedOf}`) && (!onlyOpen || entry.status === 'open'))
                  .map((entry) => (
                    <tr key={entry.requestId}>
                      <td>{entry.asked}</td>
                      <td>{entry.askedOf}</td>
                      <td>
                        {formatProseDate(entry.date)}, <MinuteLink place={entry} onOpen={onOpen} />
                      </td>
                      <td>
                        <select
                          aria-label={`Status of “${entry.asked}”`}
                          value={entry.status}
                          onChange={(event) => void setStatus(entry.meetingId, entry.requestId, event.target.value as 'open' | 'answered')}
                        >
                          <option value="open">Open</option>
                          <option value="answered">Answered</option>
                        </select>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
          {shown === 'declarations' &&
            registers?.declarations.map((member) => {
              const declarations = member.declarations.filter((entry) => inScope(entry, `${member.member} ${entry.text}`));
              if (declarations.length === 0) return null;
              return (
                <section key={member.member} aria-label={member.member}>
                  <h2>{member.member}</h2>
                  <ul className="register">
                    {declarations.map((entry, index) => (
                      <li key={index}>
                        {formatProseDate(entry.date)}: {entry.kindLabel}
                        {entry.item ? ` in item ${entry.item}` : ''}
                        {entry.text ? ` — ${entry.text}` : ''}
                        {entry.actionWords ? `; ${entry.actionWords}` : ''} (<MinuteLink place={entry} onOpen={onOpen} />)
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          {shown === 'attendance' && registers !== null && attendance.length === 0 && <p>No attendance is recorded for these meetings.</p>}
          {shown === 'attendance' &&
            attendanceTables(attendance).map((table) => (
              <table key={`${table.committeeId}|${table.municipalYear}`} className="register attendance-register">
                <caption>
                  {table.committee}, municipal year {table.municipalYear}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    {attendanceColumns.map(([heading]) => (
                      <th key={heading} scope="col" className="number">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.records.map((record) => (
                    <tr key={record.member}>
                      <th scope="row">{record.member}</th>
                      {attendanceColumns.map(([heading, value]) => (
                        <td key={heading} className="number">
                          {value(record)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </TabPanel>
      </Tabs>
    </section>
  );
}
