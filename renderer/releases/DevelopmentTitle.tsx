import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';

const BASE_TITLE = 'ISCM Assessment';

/**
 * A development build (the app trusts the public development publisher) says so in its window
 * title, in the chosen language: Electron shows the page's title as the window's.
 */
export function DevelopmentTitle() {
  const { t } = useTranslation('releases');
  const api = useApi();
  const [development, setDevelopment] = useState(false);
  useEffect(() => {
    let live = true;
    void api.releases.list({}).then((result) => {
      if (live && result.ok) setDevelopment(result.value.development);
    });
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(() => {
    document.title = development ? t('development.title', { title: BASE_TITLE }) : BASE_TITLE;
  }, [development, t]);
  return null;
}
