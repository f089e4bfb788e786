import type { Language } from '../../core/contract/channels/drafts.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import * as iom from './iom/index.js';
import * as releases from './releases/index.js';
import { maintenance } from './maintenance/index.js';
import * as errors from './errors/index.js';
import * as forms from './forms/index.js';
import * as signing from './signing/index.js';
import * as sync from './sync/index.js';
import { analyst } from './analyst/index.js';
import { wayfinding } from './wayfinding/index.js';
import * as journey from './journey/index.js';
import * as iomAttachments from './iom-attachments/index.js';
import * as fields from './fields/index.js';
import { draftLanguage } from './draftlanguage/index.js';

/** A namespace's strings in one language: nested keys, every leaf a string with `{{name}}` placeholders. */
export interface TextTree {
  readonly [key: string]: string | TextTree;
}

/**
 * Every i18next namespace of the UI, each complete in the four languages. A part of the app
 * with its own texts adds its namespace here (its files in `renderer/i18n/<namespace>/`), so
 * translators find every text under one folder and one test checks them all
 * (`tests/unit/renderer/i18n.test.ts`: same keys and placeholders in every language).
 * `translation` is i18next's default namespace: the texts shared across screens.
 */
export const NAMESPACES = {
  translation: { en, fr, es, ar },
  iom: { en: iom.en, fr: iom.fr, es: iom.es, ar: iom.ar },
  releases: { en: releases.en, fr: releases.fr, es: releases.es, ar: releases.ar },
  maintenance,
  signing,
  sync,
  forms,
  errors,
  analyst,
  wayfinding,
  journey: { en: journey.en, fr: journey.fr, es: journey.es, ar: journey.ar },
  iomAttachments: { en: iomAttachments.en, fr: iomAttachments.fr, es: iomAttachments.es, ar: iomAttachments.ar },
  fields: { en: fields.en, fr: fields.fr, es: fields.es, ar: fields.ar },
  draftLanguage,
} as const satisfies Readonly<Record<string, Readonly<Record<Language, TextTree>>>>;

export type Namespace = keyof typeof NAMESPACES;
