// Which of my challenges are put to the network: my open questions (the home
// page's "Asked the network", the question form's "asked already"). Kept apart
// from question-common.ts so the home page does not load the questions' strings.
import { api, query, type Page } from '../api';
import type { Question } from './question-common';

// My open questions, newest first.
export function myOpenQuestions(): Promise<Page<Question>> {
  return api<Page<Question>>('GET', '/api/v1/questions' + query({ mine: true, status: 'open', limit: 100 }));
}

// The open question about challenge `id` (one at most: the server refuses a second).
export function askedAbout(open: Page<Question>, id: number): Question | undefined {
  return open.items.find((q) => q.challenge_id === id);
}
