// All areas, in menu order.
import { account } from './account';
import { core } from './core';
import { events } from './events';
import { leader } from './leader';
import { newsletter } from './newsletter';
import { questions } from './questions';
import type { Area } from './types';

export type { Area, MenuItem, RouteDef } from './types';
export const areas: Area[] = [core, events, questions, account, leader, newsletter];
