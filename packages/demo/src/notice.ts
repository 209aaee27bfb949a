/**
 * The notice the candidate reads before anything is analysed. The SDK's NOTICE_TEMPLATE_EN is
 * written for an employer's hiring process ("a person reviews your application…"), which
 * would be untrue here; this is the same template structure (all required sections, same
 * placeholders, validated and rendered by the SDK) worded for self-practice with the demo
 * model. Its version is recorded with the consent.
 */
import {
  NOTICE_TEMPLATE_EN,
  renderNotice,
  type NoticeTemplate,
  type RenderedNotice,
  type SessionModality,
} from '@hirenet/sdk';

export const PRACTICE_NOTICE: NoticeTemplate = {
  ...NOTICE_TEMPLATE_EN,
  version: '1.1.0-practice',
  title: 'Before you practise: what this demo analyses',
  sections: [
    {
      id: 'what',
      heading: 'What is analysed',
      body:
        'This self-practice demo ({employer}) analyses {modalities} while you answer practice questions ' +
        'for a {jobTitle} role. It turns the recording into numeric descriptors, four times per second; ' +
        'it keeps no picture and no sound.',
    },
    {
      id: 'audio',
      heading: 'Your voice',
      body:
        'From the sound it measures pitch, loudness, voice quality, pauses and speaking rate. It does not ' +
        'identify you by your voice.',
    },
    {
      id: 'text',
      heading: 'Your words',
      body:
        'If you agree to it below, the words of your answers are analysed too: a transcript you paste or ' +
        'upload, or one made while you answer by speech recognition that runs on this device (offered only ' +
        'where your browser can do it without a server). It counts words per minute, filler words, repeated ' +
        'words and hedges, and shows which words the model weighed. The transcript is stored and deleted ' +
        'like everything else here.',
    },
    {
      id: 'video',
      heading: 'Your face',
      body:
        'From the camera image it measures facial muscle movements (action units such as blinks or lip ' +
        'movements), head position and gaze direction. It does not recognise who you are and does not ' +
        'infer emotions.',
    },
    {
      id: 'how',
      heading: 'What the score is',
      body:
        'An experimental demo model reads these descriptors and gives one estimate per practice ' +
        'interview, with the moments it weighed most. It was trained only on synthetic data with an ' +
        'arbitrary rule: the estimate is not a hiring measure and says nothing about your ability or ' +
        'suitability.',
    },
    {
      id: 'device',
      heading: 'Nothing is uploaded',
      body:
        'Everything runs in your browser on this device. No video, audio, descriptor or score is sent ' +
        'anywhere; this page only downloads its own model files.',
    },
    {
      id: 'retention',
      heading: 'Keeping and deleting',
      body:
        'The descriptors and the estimate stay in this browser’s storage, so a reload loses nothing, ' +
        'until you press “Delete everything” (at the top of every screen), which erases them at once. ' +
        'Nothing deletes them on its own: press it when you have finished practising.',
    },
    {
      id: 'choice',
      heading: 'Your choice',
      body:
        'Practising is voluntary. If you do not agree, nothing is analysed; you can still practise on ' +
        'your own with {alternative}.',
    },
    { id: 'contact', heading: 'Questions', body: 'This is open-source research code. For questions, see {contact}.' },
  ],
  consentLabel: 'I have read this notice and agree that {modalities} will be analysed on this device as described.',
  declineLabel: 'I do not agree',
};

export function practiceNotice(modalities: readonly SessionModality[]): RenderedNotice {
  return renderNotice(
    PRACTICE_NOTICE,
    {
      employer: 'HireNet in the browser',
      jobTitle: 'practice',
      contact: 'the project’s README and issue tracker',
      retentionDays: 30,
      deletionDays: 1,
      alternative: 'a mirror or a friend',
    },
    modalities,
  );
}
