// Shapes of the newsletter API shared by the subscribe, unsubscribe and leader pages.
import { api } from '../api';
import { getLang } from '../i18n';

export interface Topic { key: string; label_nl: string; label_en: string; tags: string[]; position: number }
export interface Preferences { email: string; language: 'nl' | 'en'; topics: string[]; topics_only: boolean; status: string }
export interface Progress {
  month: string; state: 'not_started' | 'queued' | 'sending' | 'paused' | 'sent'; recipients: number; sent: number;
  failed: number; skipped: number; pending: number; in_flight: number; done: number; sender: string; last_error: string;
}

export function topicLabel(x: Topic): string { return getLang() === 'nl' ? x.label_nl : x.label_en; }

export async function topics(): Promise<Topic[]> {
  return (await api<{ items: Topic[] }>('GET', '/api/v1/newsletter/topics')).items;
}
