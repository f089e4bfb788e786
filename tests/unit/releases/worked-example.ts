import { createHash } from 'node:crypto';
import { loadQuestionnaire } from '../../../core/questionnaire/index.js';
import { canonicalJsonText } from '../../../core/package/canonical-json.js';
import { buildReleaseManifest } from '../../../core/release/manifest.js';
import { fingerprintOf, publicKeyLineFromPrivate } from '../../../main/services/crypto/ssh-key.js';
import { signSshSig } from '../../../main/services/crypto/sshsig.js';

/**
 * The worked example of docs/release-format.md, from fixed inputs: a publisher key derived from
 * a fixed seed (Ed25519 signatures are deterministic), a one-question questionnaire, fixed texts.
 * A test checks that the document shows exactly these bytes.
 */

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const seed = createHash('sha256').update('iscm release worked example').digest();
export const EXAMPLE_PUBLISHER_KEY = new Uint8Array(Buffer.concat([PKCS8_PREFIX, seed]));

const text = (en: string, fr: string, es: string, ar: string) => ({ en, fr, es, ar });

export const EXAMPLE_QUESTIONNAIRE = `${JSON.stringify(
  {
    format: 'iscm-questionnaire/1',
    id: 'example',
    version: '1.0.1',
    title: text('Example', 'Exemple', 'Ejemplo', 'مثال'),
    languages: ['en', 'fr', 'es', 'ar'],
    defaultLanguage: 'en',
    choiceLists: {},
    sections: [
      {
        id: 'profile',
        title: text('Profile', 'Profil', 'Perfil', 'الملف'),
        items: [{ id: 'respondent_name', type: 'text', label: text('Your name', 'Votre nom', 'Su nombre', 'اسمكم'), required: true }],
      },
    ],
  },
  null,
  2,
)}\n`;

export function releaseWorkedExample(): { manifest: string; signature: string; publicKey: string; fingerprint: string; allowedSigners: string; questionnaire: string; sha256: string } {
  if (!loadQuestionnaire(JSON.parse(EXAMPLE_QUESTIONNAIRE)).ok) throw new Error('the example questionnaire does not load');
  const publicKey = publicKeyLineFromPrivate(EXAMPLE_PUBLISHER_KEY, 'IOM questionnaire publisher');
  const bytes = Buffer.from(EXAMPLE_QUESTIONNAIRE, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const manifest = canonicalJsonText(
    buildReleaseManifest({
      questionnaire: { id: 'example', version: '1.0.1', path: 'questionnaire.json', size: bytes.length, sha256 },
      recipients: [{ age: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p', label: text('IOM', 'OIM', 'OIM', 'المنظمة الدولية للهجرة') }],
      contact: {
        email: 'iscm@example.org',
        text: text(
          'Send your exported file to iscm@example.org.',
          'Envoyez votre fichier exporté à iscm@example.org.',
          'Envíe su archivo exportado a iscm@example.org.',
          'أرسلوا الملف المُصدَّر إلى iscm@example.org.',
        ),
      },
      notes: text('The question on the name is now required.', 'La question sur le nom est désormais obligatoire.', 'La pregunta sobre el nombre es ahora obligatoria.', 'أصبح السؤال عن الاسم إلزامياً.'),
      publishedAt: '2027-01-15T09:00:00Z',
    }),
  );
  return {
    manifest,
    signature: signSshSig(Buffer.from(manifest, 'utf8'), EXAMPLE_PUBLISHER_KEY, 'iscm-questionnaire'),
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    allowedSigners: `iom-questionnaires namespaces="iscm-questionnaire" ${publicKey}`,
    questionnaire: EXAMPLE_QUESTIONNAIRE,
    sha256,
  };
}
