/**
 * Practice roles. Questions are the common behavioural kind an asynchronous video interview
 * asks; the job title and questions also feed the model (HireNet conditions its attention on
 * them), so a candidate's own wording matters and custom roles are welcome.
 */
export interface RolePreset {
  readonly id: string;
  readonly jobTitle: string;
  readonly questions: readonly string[];
}

export const PRESETS: readonly RolePreset[] = [
  {
    id: 'software',
    jobTitle: 'Software engineer',
    questions: [
      'Tell us about a project you are proud of.',
      'Describe a time you disagreed with a colleague and how you resolved it.',
      'How do you make sure your work is tested?',
      'What would you improve in your last team?',
    ],
  },
  {
    id: 'sales',
    jobTitle: 'Sales representative',
    questions: [
      'Walk us through how you prepare for a first call with a new customer.',
      'Tell us about a deal you lost and what you learned from it.',
      'How do you organise your week to reach your targets?',
    ],
  },
  {
    id: 'nurse',
    jobTitle: 'Registered nurse',
    questions: [
      'Describe a shift where several patients needed you at the same time.',
      'How do you hand over a patient to the next shift?',
      'Tell us about a time you noticed an error and what you did.',
      'Why do you want to work on this ward?',
    ],
  },
  {
    id: 'support',
    jobTitle: 'Customer support agent',
    questions: [
      'Tell us about a customer problem you solved that others had given up on.',
      'How do you explain a technical issue to someone with no technical background?',
      'What do you do when you do not know the answer to a question?',
      'How do you keep track of many open requests?',
      'What does good support mean to you?',
    ],
  },
];

/** Most questions a custom role may have: a practice session, not a full interview. */
export const MAX_QUESTIONS = 10;

/** One question per non-empty line. */
export function parseQuestions(text: string): string[] {
  return text
    .split('\n')
    .map((q) => q.trim())
    .filter((q) => q !== '');
}
