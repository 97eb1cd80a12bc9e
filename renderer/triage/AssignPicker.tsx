import { useState } from 'react';
import { useStore } from 'zustand';
import { ME } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';
import { PickerDialog, type PickerOption } from './PickerDialog';

const NOBODY = '\u0000nobody';
const CREATE = '\u0000create';

/** `a`: me first, then colleagues, then "unassigned"; a new name + Enter adds the colleague and assigns. */
export function AssignPicker({ ids, onClose }: { ids: readonly string[]; onClose(): void }) {
  const { t } = useI18n();
  const { triage } = useSession();
  const agents = useStore(triage.directory.state, (s) => s.agents);
  const [text, setText] = useState('');
  const name = text.trim();
  const wanted = name.toLocaleLowerCase();

  const ordered = [...agents].sort((a, b) => Number(b.id === ME) - Number(a.id === ME));
  const options: PickerOption[] = ordered
    .filter((agent) => agent.name.toLocaleLowerCase().includes(wanted))
    .map((agent) => ({ key: agent.id, content: agent.isMe ? t('assign.me', { name: agent.name }) : agent.name }));
  if (t('assign.nobody').toLocaleLowerCase().includes(wanted)) options.push({ key: NOBODY, content: t('assign.nobody') });
  if (name !== '' && !agents.some((agent) => agent.name.toLocaleLowerCase() === wanted)) options.push({ key: CREATE, content: t('assign.create', { name }) });

  const onPick = (option: PickerOption) => {
    if (option.key === CREATE) {
      triage.directory.createAgent(name).then(
        (agent) => triage.act(ids, { type: 'assign', agentId: agent.id }),
        (error: unknown) => triage.failed('directory', error),
      );
    } else {
      triage.act(ids, { type: 'assign', agentId: option.key === NOBODY ? null : option.key });
    }
    onClose();
  };

  return (
    <PickerDialog
      label={t('assign.label')}
      inputLabel={t('assign.input')}
      hint={t('assign.hint')}
      text={text}
      onText={setText}
      options={options}
      onPick={onPick}
      onBack={onClose}
    />
  );
}
