// The leader area's pages and menu items (strings in ../strings/leader.ts).
import type { Area } from './types';

export const leader: Area = {
  routes: [],
  menu: [],
};
