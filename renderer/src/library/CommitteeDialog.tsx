// Creating or editing a committee: its name and council, members, default venue, contact clerk,
// when its municipal year starts, how it numbers minutes, its standard agenda and the kinds of
// interest its members declare.
import { useState, type FormEvent } from 'react';
import { plainNumbering, type Committee, type CommitteeFields, type CommitteeMember, type StandardAgendaItem } from '../../../shared/model/committee.js';
import {
  declarationKindPresets,
  defaultDeclarationKinds,
  extraDeclarationKinds,
  knownDeclarationKinds,
  type DeclarationKind,
} from '../../../shared/model/declarationKinds.js';
import { recordedCommittee } from '../../../shared/lifecycle/recorded.js';
import { defaultStandardAgenda } from '../../../shared/standardAgenda.js';
import { api } from '../api.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { DialogButtons, Modal } from '../common/Modal.js';
import { RowsEditor } from '../common/RowsEditor.js';
import { NumberingFields } from './NumberingFields.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const roleOptions = [
  ['chair', 'Chair'],
  ['vice-chair', 'Vice-Chair'],
  ['member', 'Member'],
  ['co-opted', 'Co-opted'],
] as const;

const kindOptions = [
  ['general', 'Report or briefing'],
  ['declarations', 'Declarations of interests'],
  ['previous-minutes', 'Minutes of the previous meeting'],
  ['any-other-business', 'Any other business'],
] as const;

const blankCommittee = (): CommitteeFields => ({
  name: '',
  council: '',
  members: [],
  defaultVenue: '',
  contact: { name: '', phone: '', email: '' },
  municipalYearStartMonth: 5,
  numberingStyle: plainNumbering,
  standardAgenda: defaultStandardAgenda,
  declarationKinds: defaultDeclarationKinds(),
});

type Scheme = keyof typeof declarationKindPresets;
const schemeNames: Record<Scheme, string> = {
  modelCode2020: 'England’s 2020 model code (disclosable pecuniary, other registrable, non-registrable)',
  walesAndOlderCodes: 'Wales and older codes (personal, prejudicial, personal and prejudicial)',
};
const inPreset = (scheme: Scheme, kind: DeclarationKind) => declarationKindPresets[scheme].some((preset) => preset.id === kind.id);
const schemeOf = (kinds: readonly DeclarationKind[]): Scheme => (kinds.some((kind) => inPreset('walesAndOlderCodes', kind)) ? 'walesAndOlderCodes' : 'modelCode2020');

/** The scheme's kinds, then the extra kinds ticked, then any kinds of the committee's own, kept as they are. */
function withScheme(kinds: readonly DeclarationKind[], scheme: Scheme, extras: ReadonlySet<string>): DeclarationKind[] {
  const own = kinds.filter((kind) => !knownDeclarationKinds.some((known) => known.id === kind.id));
  return [...declarationKindPresets[scheme], ...extraDeclarationKinds.filter((kind) => extras.has(kind.id)), ...own].map((kind) => ({ ...kind }));
}

interface CommitteeDialogProps {
  /** The committee to edit; a new one is created when absent. */
  committee?: Committee;
  /** How many of its minutes are circulated, agreed or signed: they keep the heading and numbering they were circulated with. */
  recordedMeetings?: number;
  onClose: () => void;
  onSaved: (committee: Committee) => void;
}

/** Whether an edit changes what circulated minutes record of the committee (shared/lifecycle/recorded.ts). */
const changesRecordedHeading = (before: Committee, after: CommitteeFields): boolean => {
  const recorded = recordedCommittee(before);
  const now = recordedCommittee({ ...before, ...after });
  return (Object.keys(recorded) as (keyof typeof recorded)[]).some((key) => JSON.stringify(recorded[key]) !== JSON.stringify(now[key]));
};

export function CommitteeDialog({ committee, recordedMeetings = 0, onClose, onSaved }: CommitteeDialogProps) {
  const [fields, setFields] = useState<CommitteeFields>(() => committee ?? blankCommittee());
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof CommitteeFields>(key: K, value: CommitteeFields[K]) => setFields((old) => ({ ...old, [key]: value }));
  const setContact = (key: keyof CommitteeFields['contact'], value: string) =>
    setFields((old) => ({ ...old, contact: { ...old.contact, [key]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSaved(committee ? await api.call('committees:update', { ...committee, ...fields }) : await api.call('committees:create', fields));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Modal title={committee ? `Edit ${committee.name}` : 'New committee'} onClose={onClose}>
      <form onSubmit={submit} className="form-grid">
        <label>
          Committee name
          <input required value={fields.name} onChange={(event) => set('name', event.target.value)} />
        </label>
        <label>
          Council
          <input required value={fields.council} onChange={(event) => set('council', event.target.value)} />
        </label>
        <label>
          Default venue
          <input value={fields.defaultVenue} onChange={(event) => set('defaultVenue', event.target.value)} />
        </label>
        <fieldset>
          <legend>Contact clerk</legend>
          <label>
            Contact name
            <input required value={fields.contact.name} onChange={(event) => setContact('name', event.target.value)} />
          </label>
          <label>
            Contact phone
            <input type="tel" value={fields.contact.phone} onChange={(event) => setContact('phone', event.target.value)} />
          </label>
          <label>
            Contact email
            <input type="email" value={fields.contact.email} onChange={(event) => setContact('email', event.target.value)} />
          </label>
        </fieldset>
        <label>
          Municipal year starts in
          <select
            value={fields.municipalYearStartMonth}
            onChange={(event) => set('municipalYearStartMonth', Number(event.target.value))}
          >
            {months.map((month, index) => (
              <option key={month} value={index + 1}>
                {month}
              </option>
            ))}
          </select>
        </label>
        <NumberingFields style={fields.numberingStyle} onChange={(style) => set('numberingStyle', style)} />
        <RowsEditor<CommitteeMember>
          legend="Members"
          noun="member"
          rows={fields.members}
          columns={[
            { key: 'name', label: 'name', kind: 'text' },
            { key: 'role', label: 'role', kind: 'select', options: roleOptions },
            { key: 'voting', label: 'voting', kind: 'check' },
          ]}
          blank={() => ({ name: '', role: 'member', voting: true })}
          onChange={(members) => set('members', members)}
        />
        <RowsEditor<StandardAgendaItem>
          legend="Standard agenda"
          noun="standard item"
          rows={fields.standardAgenda}
          columns={[
            { key: 'title', label: 'title', kind: 'text' },
            { key: 'kind', label: 'kind', kind: 'select', options: kindOptions },
            { key: 'source', label: 'source', kind: 'text' },
          ]}
          blank={() => ({ title: '', kind: 'general', source: '', agendaText: '' })}
          onChange={(agenda) => set('standardAgenda', agenda)}
        />
        <fieldset>
          <legend>Kinds of interest</legend>
          <label>
            Scheme
            <select
              value={schemeOf(fields.declarationKinds)}
              onChange={(event) => {
                const extras = new Set(fields.declarationKinds.map((kind) => kind.id));
                set('declarationKinds', withScheme(fields.declarationKinds, event.target.value as Scheme, extras));
              }}
            >
              {(Object.keys(schemeNames) as Scheme[]).map((scheme) => (
                <option key={scheme} value={scheme}>
                  {schemeNames[scheme]}
                </option>
              ))}
            </select>
          </label>
          {extraDeclarationKinds.map((extra) => (
            <label key={extra.id} className="check">
              <input
                type="checkbox"
                checked={fields.declarationKinds.some((kind) => kind.id === extra.id)}
                onChange={(event) => {
                  const extras = new Set(fields.declarationKinds.map((kind) => kind.id));
                  if (event.target.checked) extras.add(extra.id);
                  else extras.delete(extra.id);
                  set('declarationKinds', withScheme(fields.declarationKinds, schemeOf(fields.declarationKinds), extras));
                }}
              />{' '}
              Also {extra.label}
            </label>
          ))}
        </fieldset>
        {committee && recordedMeetings > 0 && changesRecordedHeading(committee, fields) && (
          <p className="note" role="status">
            {recordedMeetings === 1 ? 'The minutes already circulated keep' : `The ${recordedMeetings} sets of minutes already circulated, agreed or signed keep`} the
            committee’s name, council and minute numbering as they were circulated; drafts and new meetings follow these changes.
          </p>
        )}
        <ErrorMessage error={error} />
        <DialogButtons submitLabel={committee ? 'Save committee' : 'Create committee'} onCancel={onClose} />
      </form>
    </Modal>
  );
}
