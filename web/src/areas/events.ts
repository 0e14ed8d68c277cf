// The events area's pages and menu items (strings in ../strings/events.ts).
import type { Area } from './types';

export const events: Area = {
  routes: [],
  menu: [],
};
