import { HireNetError } from '../util/errors.ts';
import type { LogModality } from './event-log-types.ts';
import { VERSION_PATTERN } from './event-log-validate.ts';

/**
 * The notice a candidate reads before consenting (Illinois AI Video Interview Act § 5; NYC LL144
 * candidate notice; EU AI Act Art. 26(11)). Plain data so a host can translate it: copy the
 * template, translate every string, keep the placeholders and section ids, bump `version`.
 * The rendered text is plain text: insert it with `textContent`, never as HTML.
 */
export type NoticeSectionId =
  | 'what'
  | 'audio'
  | 'video'
  /** Shown only with a pose model (`renderNotice(…, { posture: true })`). */
  | 'posture'
  | 'text'
  | 'how'
  | 'device'
  | 'retention'
  | 'choice'
  | 'contact';

export interface NoticeSection {
  readonly id: NoticeSectionId;
  readonly heading: string;
  readonly body: string;
}

export interface NoticeTemplate {
  /** Semantic version of this wording; recorded with the consent (event log `noticeVersion`). */
  readonly version: string;
  /** BCP 47 tag; also used to join the modality list (Intl.ListFormat). */
  readonly locale: string;
  readonly title: string;
  readonly sections: readonly NoticeSection[];
  /**
   * How each analysed channel is named in `{modalities}`. `text` (the words) is optional so older
   * translations stay valid; rendering a notice for the text channel needs it and a `text` section.
   */
  readonly modalityNames: Readonly<Record<'audio' | 'video', string>> & { readonly text?: string };
  readonly consentLabel: string;
  readonly declineLabel: string;
}

/** What the deployer fills in. Values are inserted as-is (plain text). */
export interface NoticeValues {
  readonly employer: string;
  readonly jobTitle: string;
  /** Where to ask questions or request deletion (an email address or a web page). */
  readonly contact: string;
  /** How long derived measurements and the score are kept before automatic deletion. */
  readonly retentionDays: number;
  /** Days within which a deletion request is honoured (Illinois: at most 30). */
  readonly deletionDays: number;
  /** The alternative offered to a candidate who does not consent. */
  readonly alternative: string;
}

export const NOTICE_PLACEHOLDERS = [
  'employer',
  'jobTitle',
  'contact',
  'retentionDays',
  'deletionDays',
  'alternative',
  'modalities',
] as const;

// Sections a translation may not drop: each carries a duty (what is analysed, how, on-device,
// retention and deletion, the choice to decline, whom to ask).
const REQUIRED_SECTIONS: readonly NoticeSectionId[] = [
  'what',
  'audio',
  'video',
  'how',
  'device',
  'retention',
  'choice',
  'contact',
];

export const NOTICE_TEMPLATE_EN: NoticeTemplate = {
  version: '1.2.0',
  locale: 'en',
  title: 'Before your video interview: how an automated tool is used',
  sections: [
    {
      id: 'what',
      heading: 'What is analysed',
      body:
        '{employer} uses an automated tool (HireNet) to help assess your recorded answers for the ' +
        '{jobTitle} position. While you answer, it analyses {modalities}.',
    },
    {
      id: 'audio',
      heading: 'Your voice',
      body:
        'From the sound of your voice it measures properties such as pitch, loudness, voice quality, ' +
        'pauses and speaking rate. It does not identify you by your voice.',
    },
    {
      id: 'text',
      heading: 'Your words',
      body:
        'From a transcript of your answers (written for {employer}, or made by speech recognition running ' +
        'on this device, never by an online service) it counts words, filler words, hedges and pace, and ' +
        'the model weighs the words you used. The transcript is kept, shared and deleted like the other ' +
        'measurements. You may ask for your answers to be analysed without your words.',
    },
    {
      id: 'video',
      heading: 'Your face',
      body:
        'From the camera image it measures facial muscle movements, head position and gaze direction. It ' +
        'does not recognise who you are and does not infer emotions.',
    },
    {
      id: 'posture',
      heading: 'Your posture',
      body:
        'This interview also uses a body-pose model: from the camera image it measures where your shoulders ' +
        'and hands are (shoulder tilt, leaning toward or away from the camera, a hand near the face, hand ' +
        'movement). It does not infer emotions or personality.',
    },
    {
      id: 'how',
      heading: 'How the result is used',
      body:
        'A statistical model reads these measurements, four times per second, together with the interview ' +
        'questions and produces one score per interview. The score is an aid for the people at {employer} ' +
        'who review your application: a person reviews your application before any decision, and the ' +
        'score alone never decides.',
    },
    {
      id: 'device',
      heading: 'Your recording stays on this device',
      body:
        'All analysis runs in your browser on this device. The tool does not upload your video or audio; ' +
        '{employer} receives only the score and the numeric measurements.',
    },
    {
      id: 'retention',
      heading: 'Keeping and deleting',
      body:
        'The measurements and the score are kept for {retentionDays} days, then deleted. You can ask for ' +
        'them to be deleted at any time by contacting {contact}; they will be deleted within ' +
        '{deletionDays} days, including copies held by anyone they were shared with.',
    },
    {
      id: 'choice',
      heading: 'Your choice',
      body:
        'Taking part is voluntary. If you do not agree, you can ask for {alternative}, or for an ' +
        'accommodation, instead.',
    },
    { id: 'contact', heading: 'Questions', body: 'For questions about this tool or your data, contact {contact}.' },
  ],
  modalityNames: { audio: 'your voice', video: 'your face', text: 'the words you say' },
  consentLabel: 'I have read this notice and agree that {modalities} will be analysed as described.',
  declineLabel: 'I do not agree',
};

export interface RenderedNotice {
  readonly version: string;
  readonly locale: string;
  readonly modalities: readonly LogModality[];
  readonly title: string;
  readonly sections: readonly { readonly id: NoticeSectionId; readonly heading: string; readonly body: string }[];
  readonly consentLabel: string;
  readonly declineLabel: string;
  /** The whole notice as one plain-text string (title, headings, bodies). */
  readonly text: string;
}

/** A notice template or values that cannot be rendered; `code: "invalid-notice"`. */
export class NoticeError extends HireNetError {
  constructor(message: string) {
    super('invalid-notice', message);
  }
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Checks a (possibly translated) template: version, required sections, known placeholders only. */
export function validateNoticeTemplate(t: NoticeTemplate): void {
  if (!VERSION_PATTERN.test(t.version))
    throw new NoticeError(`notice version must be a semantic version, got "${t.version}"`);
  const ids = t.sections.map((s) => s.id);
  const missing = REQUIRED_SECTIONS.filter((id) => !ids.includes(id));
  if (missing.length > 0)
    throw new NoticeError(`notice ${t.locale} ${t.version} lacks section(s): ${missing.join(', ')}`);
  if (new Set(ids).size !== ids.length) throw new NoticeError(`notice ${t.locale} ${t.version} repeats a section`);
  const texts = [
    t.title,
    t.consentLabel,
    t.declineLabel,
    t.modalityNames.audio,
    t.modalityNames.video,
    ...(t.modalityNames.text === undefined ? [] : [t.modalityNames.text]),
    ...t.sections.flatMap((s) => [s.heading, s.body]),
  ];
  for (const text of texts) {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!(NOTICE_PLACEHOLDERS as readonly string[]).includes(name ?? ''))
        throw new NoticeError(`notice ${t.locale} ${t.version} uses an unknown placeholder {${name}}`);
    }
  }
}

/**
 * Fills a template for the modalities actually analysed: the face section is left out for an
 * audio-only session (`modalities: ['audio']`), and `{modalities}` names only what is used.
 */
export function renderNotice(
  template: NoticeTemplate,
  values: NoticeValues,
  modalities: readonly LogModality[],
  /** `posture`: the session has a pose model (options `pose`): the notice names the posture measures. */
  options: { readonly posture?: boolean } = {},
): RenderedNotice {
  validateNoticeTemplate(template);
  if (
    modalities.length === 0 ||
    modalities.some((m) => m !== 'audio' && m !== 'video' && m !== 'text') ||
    new Set(modalities).size !== modalities.length
  ) {
    throw new NoticeError('modalities must be a non-empty list of distinct "audio" / "video" / "text"');
  }
  if (
    modalities.includes('text') &&
    (template.modalityNames.text === undefined || !template.sections.some((s) => s.id === 'text'))
  )
    throw new NoticeError(
      `notice ${template.locale} ${template.version} has no "text" section or name: ` +
        'it cannot ask consent for the words',
    );
  const posture = options.posture === true && modalities.includes('video');
  if (posture && !template.sections.some((s) => s.id === 'posture'))
    throw new NoticeError(
      `notice ${template.locale} ${template.version} has no "posture" section: it cannot ask consent for the posture`,
    );
  for (const key of ['employer', 'jobTitle', 'contact', 'alternative'] as const) {
    if (typeof values[key] !== 'string' || values[key].trim() === '')
      throw new NoticeError(`notice value "${key}" must be a non-empty string`);
  }
  for (const key of ['retentionDays', 'deletionDays'] as const) {
    if (!Number.isInteger(values[key]) || values[key] < 1)
      throw new NoticeError(`notice value "${key}" must be a positive whole number of days`);
  }
  const used = (['audio', 'video', 'text'] as const).filter((m) => modalities.includes(m));
  const list = new Intl.ListFormat(template.locale, { type: 'conjunction' }).format(
    used.map((m) => template.modalityNames[m] ?? m),
  );
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (_all, name: string) =>
      name === 'modalities' ? list : String(values[name as keyof NoticeValues]),
    );
  const sections = template.sections
    .filter((s) => !((s.id === 'audio' || s.id === 'video' || s.id === 'text') && !used.includes(s.id)))
    .filter((s) => s.id !== 'posture' || posture)
    .map((s) => ({ id: s.id, heading: fill(s.heading), body: fill(s.body) }));
  const title = fill(template.title);
  const text = [title, '', ...sections.flatMap((s) => [s.heading, s.body, ''])].join('\n').trimEnd();
  return {
    version: template.version,
    locale: template.locale,
    modalities: used,
    title,
    sections,
    consentLabel: fill(template.consentLabel),
    declineLabel: fill(template.declineLabel),
    text,
  };
}
