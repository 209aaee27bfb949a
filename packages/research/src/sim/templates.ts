import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import type { JobFamily, QuestionType } from './events.ts';

/**
 * Plain-English job titles and questions. The words are chosen so the family or type is readable
 * from the text alone (a word-vector encoder has to recover it for the context rule), and kept
 * to common lowercase-able words so a compact embedding vocabulary covers them.
 */
const SENIORITY = ['', 'Junior ', 'Senior ', 'Lead ', 'Graduate '];

const JOB_TITLES: Record<JobFamily, readonly string[]> = {
  sales: [
    'Sales Representative',
    'Sales Associate',
    'Account Executive',
    'Retail Sales Advisor',
    'Business Development Representative',
    'Inside Sales Agent',
    'Key Account Manager',
    'Sales Consultant',
    'Field Sales Executive',
    'Customer Sales Advisor',
  ],
  engineering: [
    'Software Engineer',
    'Backend Developer',
    'Data Engineer',
    'Systems Engineer',
    'Embedded Software Engineer',
    'Frontend Developer',
    'Machine Learning Engineer',
    'Test Automation Engineer',
    'Network Engineer',
    'Database Developer',
  ],
};

type Template = readonly [text: string, ...slots: (readonly string[])[]];

const QUESTIONS: Record<QuestionType, readonly Template[]> = {
  technical: [
    [
      'Explain how you would debug a {} that {}.',
      ['web service', 'database', 'mobile app', 'data pipeline'],
      ['runs slowly', 'crashes at night', 'loses data', 'uses too much memory'],
    ],
    [
      'How would you design a {} to handle {}?',
      ['cache', 'message queue', 'search index', 'payment system'],
      ['a million users', 'heavy traffic', 'network failures', 'large files'],
    ],
    [
      'Which data structure would you use to {}, and why?',
      ['store a sorted list', 'find duplicates', 'schedule tasks', 'count words in a file'],
    ],
    [
      'Walk me through how you would test a {}.',
      ['login form', 'sorting algorithm', 'network protocol', 'database migration'],
    ],
    [
      'What are the trade offs between {} and {}?',
      ['threads', 'arrays', 'sql databases', 'static typing'],
      ['processes', 'linked lists', 'document stores', 'dynamic typing'],
    ],
    [
      'Describe the algorithm you would use to {}.',
      ['detect a cycle in a graph', 'merge two sorted files', 'compress a log file', 'find the shortest path'],
    ],
  ],
  behavioural: [
    [
      'Tell me about a time when you {}.',
      [
        'disagreed with your manager',
        'missed a deadline',
        'had to persuade a colleague',
        'worked with a difficult team member',
      ],
    ],
    [
      'Describe a situation where you had to {}.',
      ['handle a customer complaint', 'lead a team under pressure', 'resolve a conflict', 'admit a mistake'],
    ],
    [
      'Give an example of how you {}.',
      ['built trust with a new client', 'handled criticism', 'helped a struggling colleague', 'dealt with a rejection'],
    ],
    [
      'Tell me about a situation where you {}.',
      [
        'went beyond what was expected',
        'changed your mind after feedback',
        'had to say no to someone',
        'worked with people you did not know',
      ],
    ],
  ],
  motivation: [
    ['Why do you want to work for our company?'],
    ['Where do you see yourself in five years?'],
    ['What do you enjoy most about your {}?', ['current job', 'studies', 'previous role']],
    ['Why are you interested in this position?'],
    ['What are you looking for in your next {}?', ['job', 'team', 'manager']],
  ],
};

function pick<T>(items: readonly T[], uniform: () => number): T {
  const item = items[Math.floor(uniform() * items.length)];
  if (item === undefined) throw new HireNetError('invalid-config', 'pick from an empty list');
  return item;
}

export function jobTitle(family: JobFamily, uniform: () => number): string {
  return pick(SENIORITY, uniform) + pick(JOB_TITLES[family], uniform);
}

export function questionText(type: QuestionType, uniform: () => number): string {
  const [text, ...slots] = pick(QUESTIONS[type], uniform);
  let i = 0;
  return text.replace(/\{\}/g, () => pick(slots[i++] ?? [''], uniform));
}
