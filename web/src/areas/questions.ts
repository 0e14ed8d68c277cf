// The questions area's pages and menu items (strings in ../strings/questions.ts).
import type { Area } from './types';

export const questions: Area = {
  routes: [],
  menu: [],
};
