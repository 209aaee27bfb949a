import { describe, expect, it } from 'vitest';
import {
  NOTICE_TEMPLATE_EN,
  NoticeError,
  renderNotice,
  validateNoticeTemplate,
  type NoticeTemplate,
  type NoticeValues,
} from './notice.ts';

const values: NoticeValues = {
  employer: 'Acme Ltd',
  jobTitle: 'Sales Consultant',
  contact: 'privacy@acme.example',
  retentionDays: 90,
  deletionDays: 30,
  alternative: 'a live interview with a recruiter',
};

describe('renderNotice', () => {
  it('names the posture measures only with a pose model and the camera channel', () => {
    const ids = (o?: { posture?: boolean }, m: ('audio' | 'video')[] = ['audio', 'video']) =>
      renderNotice(NOTICE_TEMPLATE_EN, values, m, o).sections.map((s) => s.id);
    expect(ids()).not.toContain('posture');
    expect(ids({ posture: true })).toContain('posture');
    expect(ids({ posture: true }, ['audio'])).not.toContain('posture');
    const text = renderNotice(NOTICE_TEMPLATE_EN, values, ['video'], { posture: true }).text;
    expect(text).toContain('where your shoulders and hands are');
    const old = { ...NOTICE_TEMPLATE_EN, sections: NOTICE_TEMPLATE_EN.sections.filter((s) => s.id !== 'posture') };
    expect(() => renderNotice(old, values, ['video'], { posture: true })).toThrow(NoticeError);
  });

  it('fills every placeholder and leaves the face section out of an audio-only session', () => {
    const n = renderNotice(NOTICE_TEMPLATE_EN, values, ['audio']);
    expect(n.sections.map((s) => s.id)).toEqual(['what', 'audio', 'how', 'device', 'retention', 'choice', 'contact']);
    expect(n.sections[0]?.body).toBe(
      'Acme Ltd uses an automated tool (HireNet) to help assess your recorded answers for the Sales ' +
        'Consultant position. While you answer, it analyses your voice.',
    );
    expect(n.text).toContain('kept for 90 days');
    expect(n.text).toContain('deleted within 30 days');
    expect(n.text).toContain('a live interview with a recruiter');
    expect(n.text).not.toMatch(/[{}]/);
    expect(n.text).not.toContain('camera');
    expect(n.consentLabel).toBe('I have read this notice and agree that your voice will be analysed as described.');
    expect(n).toMatchObject({ version: NOTICE_TEMPLATE_EN.version, locale: 'en', modalities: ['audio'] });
    expect(n.text).not.toContain('transcript');
  });

  it('names the words and says how transcripts are made and handled when the text channel is on', () => {
    const n = renderNotice(NOTICE_TEMPLATE_EN, values, ['audio', 'text']);
    expect(n.sections[0]?.body).toContain('it analyses your voice and the words you say.');
    expect(n.sections.map((s) => s.id)).toEqual([
      'what',
      'audio',
      'text',
      'how',
      'device',
      'retention',
      'choice',
      'contact',
    ]);
    const words = n.sections.find((s) => s.id === 'text')!.body;
    expect(words).toContain('on this device, never by an online service');
    expect(words).toContain('kept, shared and deleted like the other measurements');
    expect(words).toContain('without your words');
    expect(n.consentLabel).toContain('your voice and the words you say will be analysed');
  });

  it('refuses to ask consent for the words with a translation that has no text section', () => {
    const old = { ...NOTICE_TEMPLATE_EN, sections: NOTICE_TEMPLATE_EN.sections.filter((s) => s.id !== 'text') };
    expect(() => renderNotice(old, values, ['audio'])).not.toThrow();
    expect(() => renderNotice(old, values, ['audio', 'text'])).toThrow(/no "text" section/);
  });

  it('names both channels when the face is analysed too', () => {
    const n = renderNotice(NOTICE_TEMPLATE_EN, values, ['video', 'audio']);
    expect(n.sections[0]?.body).toContain('it analyses your voice and your face.');
    expect(n.sections.map((s) => s.id)).toContain('video');
    expect(n.modalities).toEqual(['audio', 'video']);
  });

  it('says what matters to a candidate: on-device, human review, deletion, the choice to decline', () => {
    const { text } = renderNotice(NOTICE_TEMPLATE_EN, values, ['audio', 'video']);
    expect(text).toContain('does not upload your video or audio');
    expect(text).toContain('a person reviews your application before any decision');
    expect(text).toContain('Taking part is voluntary');
    // Observable signals only: the notice must not label feelings.
    expect(text).not.toMatch(
      /\b(happy|happiness|sad|sadness|anger|angry|fear|disgust|surprise|joy|contempt|nervous|confiden)/i,
    );
  });

  it('renders a translated template with its own list format', () => {
    const de: NoticeTemplate = {
      ...NOTICE_TEMPLATE_EN,
      locale: 'de',
      version: '1.0.0',
      sections: NOTICE_TEMPLATE_EN.sections.map((s) =>
        s.id === 'what' ? { ...s, heading: 'Was analysiert wird', body: '{employer} analysiert {modalities}.' } : s,
      ),
      modalityNames: { audio: 'Ihre Stimme', video: 'Ihr Gesicht' },
    };
    expect(renderNotice(de, values, ['audio', 'video']).sections[0]?.body).toBe(
      'Acme Ltd analysiert Ihre Stimme und Ihr Gesicht.',
    );
  });

  it('refuses a translation that drops a required section or invents a placeholder', () => {
    const dropped = {
      ...NOTICE_TEMPLATE_EN,
      sections: NOTICE_TEMPLATE_EN.sections.filter((s) => s.id !== 'retention'),
    };
    expect(() => validateNoticeTemplate(dropped)).toThrow('lacks section(s): retention');
    const invented = { ...NOTICE_TEMPLATE_EN, title: 'Hello {candidateName}' };
    expect(() => renderNotice(invented, values, ['audio'])).toThrow('unknown placeholder {candidateName}');
    expect(() => validateNoticeTemplate({ ...NOTICE_TEMPLATE_EN, version: 'draft' })).toThrow(NoticeError);
  });

  it('refuses missing values and bad modality lists', () => {
    expect(() => renderNotice(NOTICE_TEMPLATE_EN, { ...values, employer: ' ' }, ['audio'])).toThrow('"employer"');
    expect(() => renderNotice(NOTICE_TEMPLATE_EN, { ...values, deletionDays: 0 }, ['audio'])).toThrow('"deletionDays"');
    expect(() => renderNotice(NOTICE_TEMPLATE_EN, values, [])).toThrow(NoticeError);
    expect(() => renderNotice(NOTICE_TEMPLATE_EN, values, ['audio', 'audio'])).toThrow(NoticeError);
  });
});
