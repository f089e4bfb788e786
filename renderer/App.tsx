import { DraftListScreen } from './screens/DraftListScreen.js';
import { DraftScreen } from './screens/DraftScreen.js';
import { useRoute } from './routing/hash-route.js';

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a href="#/" className="app-title">
          ISCM Assessment
        </a>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'draft' ? <DraftScreen key={route.draftId} draftId={route.draftId} /> : <DraftListScreen />}
      </main>
    </div>
  );
}
