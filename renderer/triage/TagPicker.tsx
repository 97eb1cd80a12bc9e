import { useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Tag } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';
import { PickerDialog, type PickerOption } from './PickerDialog';
import { TAG_PALETTE, nextColor, readableOn } from './tagColors';

type Mode = { kind: 'toggle' } | { kind: 'rename'; tag: Tag } | { kind: 'merge'; tag: Tag };

const CREATE = '\u0000create';

const matching = (tags: readonly Tag[], text: string) => tags.filter((tag) => tag.name.toLocaleLowerCase().includes(text.trim().toLocaleLowerCase()));

function TagName({ tag }: { tag: Tag }) {
  return (
    <span className="tag-chip" dir="auto" style={{ background: tag.color, color: readableOn(tag.color) }}>
      {tag.name}
    </span>
  );
}

/**
 * `l`: tags for the target conversations. Enter toggles the highlighted tag on
 * all of them (on when any lacks it); a new name + Enter creates the tag in the
 * next palette colour and puts it on. Alt+R renames, Alt+C recolours and Alt+M
 * merges the highlighted tag, each by keyboard in the same box.
 */
export function TagPicker({ ids, onClose }: { ids: readonly string[]; onClose(): void }) {
  const { t } = useI18n();
  const { triage } = useSession();
  const { tags } = useStore(triage.directory.state);
  // Re-render as the action lands on the list, so the ticks follow.
  useStore(triage.list);
  const [mode, setMode] = useState<Mode>({ kind: 'toggle' });
  const [text, setText] = useState('');

  const allHave = (tag: Tag) => ids.every((id) => triage.summaryOf(id)?.tagIds.includes(tag.id));
  const save = (work: Promise<unknown>) => work.catch((error: unknown) => triage.failed('directory', error));
  const back = () => {
    setMode({ kind: 'toggle' });
    setText('');
  };

  let options: PickerOption[];
  let inputLabel: string;
  let hint: string;
  let onPick: (option: PickerOption) => void;
  if (mode.kind === 'rename') {
    inputLabel = t('tags.renameInput', { name: mode.tag.name });
    hint = t('tags.renameHint');
    options = [{ key: mode.tag.id, content: <TagName tag={{ ...mode.tag, name: text.trim() || mode.tag.name }} /> }];
    onPick = () => {
      if (text.trim() !== '') void save(triage.directory.updateTag(mode.tag.id, { name: text.trim() }));
      back();
    };
  } else if (mode.kind === 'merge') {
    inputLabel = t('tags.mergeInput', { name: mode.tag.name });
    hint = t('tags.mergeHint');
    options = matching(tags, text)
      .filter((tag) => tag.id !== mode.tag.id)
      .map((tag) => ({ key: tag.id, content: <TagName tag={tag} /> }));
    onPick = (option) => {
      void save(triage.directory.mergeTag(mode.tag.id, option.key));
      back();
    };
  } else {
    inputLabel = t('tags.input');
    hint = t('tags.hint');
    const name = text.trim();
    const exact = tags.some((tag) => tag.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    options = matching(tags, text).map((tag) => ({ key: tag.id, content: <TagName tag={tag} />, checked: allHave(tag) }));
    if (name !== '' && !exact) options.push({ key: CREATE, content: t('tags.create', { name }) });
    onPick = (option) => {
      if (option.key === CREATE) {
        const color = TAG_PALETTE[tags.length % TAG_PALETTE.length];
        void save(triage.directory.createTag(name, color).then((tag) => triage.act(ids, { type: 'tag', tagId: tag.id, on: true })));
        setText('');
        return;
      }
      triage.act(ids, { type: 'tag', tagId: option.key, on: option.checked !== true });
    };
  }

  const onKey = (event: KeyboardEvent<HTMLInputElement>, option: PickerOption | undefined): boolean => {
    const tag = option && tags.find((candidate) => candidate.id === option.key);
    if (mode.kind !== 'toggle' || !event.altKey || event.ctrlKey || event.metaKey || !tag) return false;
    if (event.code === 'KeyR') {
      setMode({ kind: 'rename', tag });
      setText(tag.name);
    } else if (event.code === 'KeyC') {
      void save(triage.directory.updateTag(tag.id, { color: nextColor(tag.color) }));
    } else if (event.code === 'KeyM') {
      setMode({ kind: 'merge', tag });
      setText('');
    } else {
      return false;
    }
    return true;
  };

  return (
    <PickerDialog
      label={t('tags.label')}
      inputLabel={inputLabel}
      hint={hint}
      text={text}
      onText={setText}
      options={options}
      onPick={onPick}
      onBack={mode.kind === 'toggle' ? onClose : back}
      onKey={onKey}
    />
  );
}
