/**
 * Realistic interview questions and job titles for measuring vocabulary coverage (build script
 * and tests). The `dev` set was seen while choosing the pinned domain words and spelling
 * fallbacks; the `heldOut` set was written before those were measured, so its figure is the
 * honest one.
 */
export const COVERAGE_SAMPLES = {
  dev: {
    questions: [
      'Tell me about yourself.',
      'Why do you want to work for our company?',
      'Describe a time you had a conflict with a co-worker and how you resolved it.',
      "What's your greatest strength, and what's a weakness you're working on?",
      'How do you prioritise tasks when several deadlines fall in the same week?',
      'Give an example of a project where you showed leadership.',
      'How would you handle an angry customer who wants a refund?',
      'Tell us about a mistake you made and what you learned from it.',
      'Where do you see yourself in five years?',
      'Why should we hire you rather than another candidate?',
      'How do you stay motivated when working remotely?',
      'Describe your experience with Excel, SQL or other data tools.',
      'What are your salary expectations?',
      'How do you keep stakeholders informed about a project that is running late?',
      "Can you walk me through how you'd onboard a new team member?",
    ],
    titles: [
      'Sales Associate', 'Senior Software Engineer', 'Customer Service Representative', 'Registered Nurse',
      'Marketing Manager', 'Financial Analyst', 'Warehouse Operative', 'Front-End Developer',
      'Human Resources Business Partner', 'Barista', 'Data Scientist', 'Account Executive',
      'Administrative Assistant', 'Project Manager (Agile)', 'Call Centre Agent', 'Full-Stack Web Developer',
    ],
  },
  heldOut: {
    questions: [
      'What motivates you to come to work every day?',
      'Describe a situation where you had to meet a tight deadline.',
      'How do you handle feedback from your manager?',
      'Tell me about a time you went above and beyond for a client.',
      'What would your previous colleagues say about you?',
      'How do you deal with stress and pressure at work?',
      'Describe a process you improved and the results you achieved.',
      'How comfortable are you with shift work, nights and weekends?',
      'What do you know about our products and our competitors?',
      'Tell me about a time you disagreed with your supervisor.',
      'How would you explain a technical problem to a non-technical customer?',
      'Why are you leaving your current job?',
      'Which programming languages and frameworks have you used in production?',
      "How do you organise your day when you're on the shop floor?",
      "Have you ever had to deliver bad news to a patient's family?",
    ],
    titles: [
      'Retail Store Manager', 'Delivery Driver', 'Junior Accountant', 'Head Chef', 'Pharmacy Technician',
      'IT Support Specialist', 'UX Designer', 'Operations Coordinator', 'Graduate Trainee Engineer',
      'Dental Receptionist', 'Machine Learning Engineer', 'HGV Class 1 Driver', 'Teaching Assistant',
      'Social Media Executive', 'Site Supervisor', 'Payroll Administrator', 'Kitchen Porter',
      'Cloud Solutions Architect', 'Regional Sales Director', 'Customer Success Manager',
    ],
  },
} as const;
