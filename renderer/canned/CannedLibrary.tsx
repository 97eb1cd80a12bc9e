import { useEffect, useRef, useState } from 'react';
import type { CannedReply } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../overlays/Dialog';
import { hideOverlay } from '../overlays/overlayStore';
import { useSession } from '../session/SessionContext';
import { CannedEditor, type EditorHandle } from './CannedEditor';
import { CannedImport } from './CannedImport';
import { CannedList } from './CannedList';
import './canned.css';

type Pane = { kind: 'list' } | { kind: 'edit'; reply: CannedReply | null } | { kind: 'import' };

/**
 * The canned-reply library (`g r`, or "Canned replies" in the command palette):
 * the list, the edit form and the import panel, one at a time. The list
 * follows `canned.changed` while the library is open, so an import or another
 * window's edit shows at once; after an edit the list comes back with that
 * reply highlighted.
 */
export function CannedLibrary() {
  const { t } = useI18n();
  const { canned } = useSession();
  const [pane, setPane] = useState<Pane>({ kind: 'list' });
  /** The reply to highlight in the list once it is listed. */
  const [highlight, setHighlight] = useState<string | null>(null);
  /** What the last action did, read out in the list. */
  const [notice, setNotice] = useState('');
  const editor = useRef<EditorHandle>(null);

  useEffect(() => {
    // Each visit starts from the whole library; the search is kept only between the panes of one visit.
    canned.setQuery('');
    return canned.watch();
  }, [canned]);

  const backToList = (replyId: string | null, said = '') => {
    setHighlight(replyId);
    setNotice(said);
    setPane({ kind: 'list' });
  };

  const shown = () => {
    switch (pane.kind) {
      case 'list':
        return (
          <CannedList
            highlight={highlight}
            notice={notice}
            onNotice={setNotice}
            onEdit={(reply, said = '') => {
              setNotice(said);
              setPane({ kind: 'edit', reply });
            }}
            onImport={() => setPane({ kind: 'import' })}
          />
        );
      case 'edit':
        return (
          <CannedEditor
            ref={editor}
            key={pane.reply?.id ?? 'new'}
            reply={pane.reply}
            notice={notice}
            onSaved={(saved) => backToList(saved.id, t('canned.saved', { title: saved.title }))}
            onBack={() => backToList(pane.reply?.id ?? null)}
          />
        );
      case 'import':
        return <CannedImport onBack={() => backToList(null)} />;
    }
  };

  // One dialog for every pane, so moving between them is not a new dialog to a screen reader.
  return (
    <Dialog label={t('canned.library')} className="canned-library" onClose={() => (editor.current ? editor.current.leave(hideOverlay) : hideOverlay())}>
      {shown()}
    </Dialog>
  );
}
