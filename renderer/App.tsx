import { Suspense, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../core/contract/channels/drafts.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { MaintenanceNavLink } from './maintenance/MaintenanceNavLink.js';
import { WhenDataOpen } from './maintenance/StartupBanner.js';
import { DraftListScreen } from './home/DraftListScreen.js';
import { TrashScreen } from './home/TrashScreen.js';
import { setUiLanguage } from './i18n/index.js';
import { LanguageHandlerContext, type LanguageHandler } from './i18n/language-handler.js';
import { useRoute } from './routing/hash-route.js';
import { SigningNavLink } from './signing/SigningNavLink.js';
import { useSigningRoute } from './signing/signing-route.js';
import { IomNavLink, IomWorkspace } from './iom/IomWorkspace.js';
import { useIomRoute } from './iom/iom-route.js';
import { DevelopmentTitle } from './releases/DevelopmentTitle.js';
import { preloadableScreen } from './routing/preloadable-screen.js';

// Screens other than home load when first opened, so starting the app parses only what home needs.
const draftScreen = preloadableScreen(() => import('./draft/DraftScreen.js').then((m) => m.DraftScreen));
const signingScreen = preloadableScreen(() => import('./signing/SigningScreen.js').then((m) => m.SigningScreen));
const DraftScreen = draftScreen.Screen;
const SigningScreen = signingScreen.Screen;

export function App() {
  const route = useRoute();
  const signingRoute = useSigningRoute();
  const iomRoute = useIomRoute();
  const { t } = useTranslation();
  // Once the first screen is up, the draft screen is fetched in the background: opening a draft then waits for nothing.
  useEffect(() => {
    void draftScreen.preload();
  }, []);
  const handler = useRef<LanguageHandler | undefined>(undefined);
  const register = useCallback((h: LanguageHandler | undefined) => {
    handler.current = h;
  }, []);
  const switchLanguage = (lang: Language) => {
    if (handler.current) handler.current(lang);
    else void setUiLanguage(lang);
  };
  const draftId = route.name === 'draft' || route.name === 'review' ? route.draftId : undefined;
  return (
    <LanguageHandlerContext.Provider value={register}>
      <DevelopmentTitle />
      <div className="app">
        <a
          className="skip-link"
          href="#main"
          onClick={(e) => {
            // The hash names the screen, so move focus instead of following the link.
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <a href="#/" className="app-title">
            {t('app.title')}
          </a>
          <SigningNavLink />
          <IomNavLink />
          <MaintenanceNavLink />
          <LanguageSwitch onChange={switchLanguage} />
        </header>
        <main id="main" tabIndex={-1}>
          <WhenDataOpen>
            <Suspense fallback={<p>{t('app.loading')}</p>}>
              {iomRoute ? (
                <IomWorkspace route={iomRoute} />
              ) : signingRoute ? (
                <SigningScreen route={signingRoute} />
              ) : draftId !== undefined ? (
                <DraftScreen key={draftId} draftId={draftId} route={route} />
              ) : route.name === 'trash' ? (
                <TrashScreen />
              ) : (
                <DraftListScreen />
              )}
            </Suspense>
          </WhenDataOpen>
        </main>
      </div>
    </LanguageHandlerContext.Provider>
  );
}
