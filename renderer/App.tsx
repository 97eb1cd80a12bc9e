import { useEffect, useState } from 'react';
import type { Client } from '../shared/rpc';
import { I18nProvider } from './i18n/I18nProvider';
import { steadyLink, type Link } from './rpc/link';
import { createSession } from './session/createSession';
import { SessionProvider } from './session/SessionContext';
import { Workspace } from './Workspace';
import './styles/app.css';

export interface AppProps {
  /** The contract client; main.tsx connects the real one, tests pass one over an in-memory engine. */
  client: Client;
  /** Whether the engine is reachable; transports that cannot drop leave it out. */
  link?: Link;
}

/** The client and link are taken once, for the life of the window. */
export function App({ client, link = steadyLink }: AppProps) {
  const [session] = useState(() => createSession(client, link));
  useEffect(() => session.start(), [session]);
  return (
    <SessionProvider session={session}>
      <I18nProvider>
        <Workspace />
      </I18nProvider>
    </SessionProvider>
  );
}
