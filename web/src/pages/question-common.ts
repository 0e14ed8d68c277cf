// Shapes of the questions API and pieces the questions pages share.
import { h } from '../dom';
import { errorText as feedbackErrorText } from '../feedback';
import { getLang, t, type Key } from '../i18n';

export interface Who { id: number; name: string }
export interface Question {
  id: number; asker: Who; title: string; text: string; tags: string[]; sector: string | null; status: 'open' | 'solved';
  helpful_answer_id: number | null; answer_count: number; routed_to_me: boolean; challenge_id: number | null;
  created_at: number; updated_at: number;
}
export interface Answer { id: number; question_id: number; author: Who | null; text: string; helpful: boolean; created_at: number }
export interface Route { member: Who; sector: string | null; position: number; score: number; reason: { en: string; nl: string } }
export interface QuestionDetail extends Question { answers: Answer[]; routed_to: Route[] }

export function reasonText(r: Route): string { return getLang() === 'nl' ? r.reason.nl : r.reason.en; }

export function statusBadge(status: 'open' | 'solved'): HTMLElement {
  return h('span', { class: status === 'solved' ? 'badge ok' : 'badge' }, t(`questions.status.${status}` as Key));
}

// An error in the UI's language, with the field it is about in the page's terms
// (feedback.ts errorText: the one place errors become words).
export function errorText(e: unknown, labels: Record<string, string> = {}): string {
  return feedbackErrorText(e, labels);
}
