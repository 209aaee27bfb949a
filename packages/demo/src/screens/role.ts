/**
 * Step 2: the role and its questions. A preset shows its questions before it is chosen; "My
 * own role" takes a title and one question per line. The title and questions are what the
 * model conditions its attention on, so they are passed through as written.
 */
import { HOST_TEXT_LIMITS, validateInterviewSpec, type InterviewSpec } from '@hirenet/sdk';
import { button, h, isolate, replace } from '../dom.ts';
import { MAX_QUESTIONS, parseQuestions, PRESETS } from '../presets.ts';

const CUSTOM = 'custom';

export function roleScreen(root: HTMLElement): Promise<InterviewSpec> {
  return new Promise((resolve) => {
    const title = h('h2', { tabindex: -1, id: 'role-h' }, 'Choose a role to practise for');
    const error = h('p', { class: 'error', role: 'alert' });
    const jobInput = h('input', {
      type: 'text',
      id: 'custom-title',
      dir: 'auto',
      maxlength: HOST_TEXT_LIMITS.jobTitle,
      autocomplete: 'organization-title',
      placeholder: 'e.g. Data analyst',
    });
    const questionsInput = h('textarea', {
      id: 'custom-questions',
      dir: 'auto',
      rows: 5,
      placeholder: 'Tell us about yourself.\nWhy this role?',
    });
    const custom = h(
      'div',
      { class: 'custom-role', hidden: true },
      h('label', { for: 'custom-title' }, 'Job title'),
      jobInput,
      h(
        'label',
        { for: 'custom-questions' },
        `Questions (one per line, up to ${MAX_QUESTIONS}, each up to ${HOST_TEXT_LIMITS.question} characters)`,
      ),
      questionsInput,
    );
    const options = [
      ...PRESETS.map((p, i) =>
        h(
          'label',
          { class: 'role-option' },
          h('input', { type: 'radio', name: 'role', value: p.id, checked: i === 0 }),
          h(
            'span',
            { class: 'role-title' },
            isolate(p.jobTitle),
            h('span', { class: 'hint' }, ` · ${p.questions.length} questions`),
          ),
          h(
            'ol',
            { class: 'role-questions' },
            p.questions.map((q) => h('li', { dir: 'auto' }, q)),
          ),
        ),
      ),
      h(
        'label',
        { class: 'role-option' },
        h('input', { type: 'radio', name: 'role', value: CUSTOM }),
        h('span', { class: 'role-title' }, 'My own role and questions'),
      ),
    ];
    const fieldset = h('fieldset', { class: 'roles' }, h('legend', {}, 'Role'), options, custom);
    const selected = (): string =>
      fieldset.querySelector<HTMLInputElement>('input[name=role]:checked')?.value ?? PRESETS[0]!.id;
    fieldset.addEventListener('change', (e) => {
      // Only a role choice moves focus: the title's own change event (on leaving it for the
      // questions) would otherwise pull the focus, and the typing, back into the title.
      if ((e.target as HTMLInputElement).name !== 'role') return;
      custom.hidden = selected() !== CUSTOM;
      if (!custom.hidden) jobInput.focus();
    });
    const next = (): void => {
      const id = selected();
      if (id !== CUSTOM) {
        const p = PRESETS.find((x) => x.id === id)!;
        resolve({ jobTitle: p.jobTitle, questions: [...p.questions] });
        return;
      }
      const jobTitle = jobInput.value.trim();
      const questions = parseQuestions(questionsInput.value);
      const long = questions.findIndex((q) => q.length > HOST_TEXT_LIMITS.question);
      const problem =
        jobTitle === ''
          ? 'Enter a job title.'
          : questions.length === 0
            ? 'Enter at least one question.'
            : questions.length > MAX_QUESTIONS
              ? `Keep it to ${MAX_QUESTIONS} questions or fewer (you entered ${questions.length}).`
              : long >= 0
                ? [
                    `Question ${long + 1} is ${questions[long]!.length} characters long; keep each question to`,
                    `${HOST_TEXT_LIMITS.question} characters or fewer.`,
                  ].join(' ')
                : sdkProblem(jobTitle, questions);
      if (problem === null) {
        resolve({ jobTitle, questions });
        return;
      }
      error.textContent = problem;
      (jobTitle === '' ? jobInput : questionsInput).focus();
    };
    replace(
      root,
      h(
        'section',
        { class: 'screen role', 'aria-labelledby': 'role-h' },
        title,
        h(
          'p',
          { class: 'hint' },
          'You will answer each question on camera. Take as long as you like; a minute or two per answer is typical.',
        ),
        fieldset,
        error,
        h(
          'p',
          { class: 'actions' },
          button('Continue to camera check', next, { class: 'primary', 'data-testid': 'role-continue' }),
        ),
      ),
    );
    title.focus();
  });
}

/** What the SDK refuses that the checks above do not name (e.g. control characters), or null. */
function sdkProblem(jobTitle: string, questions: readonly string[]): string | null {
  try {
    validateInterviewSpec({ jobTitle, questions });
    return null;
  } catch (e) {
    return `This role cannot be used: ${(e as Error).message}.`;
  }
}
