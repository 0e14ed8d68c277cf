// The account area's pages and menu items (strings in ../strings/account.ts).
import type { Area } from './types';

export const account: Area = {
  routes: [],
  menu: [],
};
