// The newsletter area's pages and menu items (strings in ../strings/newsletter.ts).
import type { Area } from './types';

export const newsletter: Area = {
  routes: [],
  menu: [],
};
