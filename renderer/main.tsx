import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ApiProvider } from './api/api-context.js';
import { initI18n, initialLanguage } from './i18n/index.js';
import './styles/app.css';
import './styles/wizard.css';
import './styles/print.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const root = container;

void initI18n(initialLanguage()).then(() => {
  createRoot(root).render(
    <StrictMode>
      <ApiProvider api={window.iscm}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
});
