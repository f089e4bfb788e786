import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseInfo } from '../../core/contract/channels/releases.js';
import { useApi } from '../api/api-context.js';
import { useLanguage } from '../i18n/use-language.js';

/** The release's contact in the chosen language, and the address apart so it can be copied. */
export function ContactText({ contact }: { contact: ReleaseInfo['contact'] }) {
  const { t } = useTranslation('releases');
  const lang = useLanguage();
  return (
    <>
      <p>{contact.text[lang]}</p>
      {contact.email && <p>{t('contact.email', { email: contact.email })}</p>}
    </>
  );
}

/** On the export screen: where to send the file, as the questionnaire release says. */
export function ReleaseContact({ questionnaireId, version }: { questionnaireId: string; version: string }) {
  const { t } = useTranslation('releases');
  const api = useApi();
  const [contact, setContact] = useState<ReleaseInfo['contact'] | undefined>();
  useEffect(() => {
    let live = true;
    void api.releases.get({ id: questionnaireId, version }).then((result) => {
      if (live && result.ok) setContact(result.value.contact);
    });
    return () => {
      live = false;
    };
  }, [api, questionnaireId, version]);
  if (!contact) return null;
  return (
    <section className="release-contact" aria-labelledby="release-contact-heading">
      <h3 id="release-contact-heading">{t('contact.heading')}</h3>
      <ContactText contact={contact} />
    </section>
  );
}
