/**
 * The notice a candidate reads before anything is analysed in a live room (docs/live.md repeats
 * it for hosts). It describes observable measures only, names what is sent and what is not,
 * and says that joining without analysis changes nothing else about the interview.
 */
export interface NoticeSection {
  readonly heading: string;
  readonly body: string;
}

export const LIVE_NOTICE_TITLE = 'Before you join: live analysis in this interview';

export const LIVE_NOTICE: readonly NoticeSection[] = [
  {
    heading: 'What is analysed, and where',
    body:
      'If you agree, this page analyses your camera image, your voice and/or your words on this device ' +
      'while the interview runs. Your words are recognised on this device (never by a speech server), or ' +
      'come from a transcript this site makes on your device. Each channel is separate: you can agree ' +
      'to any of them or none.',
  },
  {
    heading: 'What is sent',
    body:
      'Every 2 seconds a short message goes to the interviewer only: how much of the time your face was ' +
      'visible and turned towards the camera, how much your head moved, and — where this page has a ' +
      'body-pose model — where your shoulders and hands were (shoulder tilt, leaning toward or away ' +
      'from the camera compared with the start, head to the side of the shoulders, a hand near the ' +
      'face, how much your hands moved, time out of the picture), how much of the time you spoke, your ' +
      'pauses, loudness, pitch variation and syllable rate, and — if you agree to your words — up to 8 ' +
      'words you used most in your current answer, each with how often you said it. The panel "Sent to ' +
      'the interviewer" shows every message exactly as sent.',
  },
  {
    heading: 'What is never sent',
    body:
      'No video frame or sound sample from the analysis, no face or body landmarks, no transcript or ' +
      'sentence of what you said (only single words with counts, and only with your agreement), no ' +
      'emotion label and no score. Nothing ranks you against other candidates. The ' +
      'interviewer sees and hears you through the normal video call, as in any video interview.',
  },
  {
    heading: 'How it travels',
    body:
      'Video, sound and these messages go directly between your browser and the interviewer’s (peer to ' +
      'peer, encrypted by WebRTC). The room server only passes the connection set-up messages and never ' +
      'receives them.',
  },
  {
    heading: 'Your choice',
    body:
      'Analysis is voluntary. You can join without analysis, and you can pause or resume each channel ' +
      'at any time during the interview; while a channel is paused nothing is analysed on it.',
  },
];

export const FACE_CONSENT =
  'Analyse my camera image (face visible, towards the camera, head movement; shoulders and hands where offered)';
export const VOICE_CONSENT = 'Analyse my voice (speaking time, pauses, loudness, pitch variation, syllable rate)';
export const WORDS_CONSENT =
  'Use my words (recognised on this device; only the words I use most in each answer are sent, with counts)';
