import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connect } from './rpc/connect';

const { client, link } = connect();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} link={link} />
  </StrictMode>,
);
