/** Demo economics of `neighbourhood-care`, the English-speaking home-care demo organization (see economics.demo.data.ts). */

import { DEMO_EMAIL } from '../demo/demo.data.js';
import { type DemoEconomics, TIED_FROM } from './economics.demo.types.js';

const SANNE = 'sanne.devries@care.example';
const JOOST = 'joost.bakker@care.example';
const FATIMA = 'fatima.elamrani@care.example';
const LOTTE = 'lotte.jansen@care.example';

export const NEIGHBOURHOOD_CARE: DemoEconomics = {
  settings: { poolRate: 0.2, reserveRate: 0.03, fulfillment: 'off' },
  settingsLater: { from: TIED_FROM, settings: { poolRate: 0.2, reserveRate: 0.03, fulfillment: 'proportional' } },
  overhead: [
    { note: 'Office and back office', amounts: [3_100, 3_100, 3_100, 3_180, 3_180, 3_180, 3_180] },
    { note: 'Planning software and phones', amounts: [1_240.5, 1_255.8, 1_261.1, 1_270.4, 1_288.9, 1_301.2, 1_310] },
    { note: 'Coaching council wages and taxes', amounts: [1_800, 1_800, 1_800, 1_850, 1_850, 1_850, 1_850] },
  ],
  // Per capita counted the two coaches as a whole team; by hours from the fourth month.
  overheadRules: [
    { rule: 'per_capita' },
    { rule: 'per_capita' },
    { rule: 'per_capita' },
    { rule: 'hours' },
    { rule: 'hours' },
    { rule: 'hours' },
    { rule: 'hours' },
  ],
  teams: [
    {
      team: 'Nurses North',
      lines: [
        {
          kind: 'revenue',
          note: 'Home care visits billed to insurers',
          amounts: [41_230, 42_815, 40_960, 43_580, 44_120, 42_310, 43_000],
        },
        {
          kind: 'expense',
          note: 'Cars, phones and care supplies',
          amounts: [2_870.4, 3_015.2, 2_940.75, 3_120.1, 3_205.6, 3_060.35, 3_100],
        },
        {
          kind: 'labour',
          note: 'Wages and taxes of the six nurses',
          amounts: [31_420, 31_860, 31_540, 32_310, 32_480, 32_150, 32_200],
        },
      ],
      members: [{ email: JOOST, hours: [152, 160, 148, 164, 158, 156, 150], salary: [3_950, 3_950, 3_950, 4_050, 4_050, 4_050, 4_050] }],
      split: { rule: 'hours' },
    },
    {
      team: 'Nurses South',
      lines: [
        {
          kind: 'revenue',
          note: 'Home care visits billed to insurers',
          amounts: [33_410, 34_920, 36_180, 35_140, 37_760, 38_590, 39_000],
        },
        {
          kind: 'expense',
          note: 'Cars, phones and care supplies',
          amounts: [2_410.8, 2_530.1, 2_615.4, 2_560, 2_720.3, 2_790.6, 2_800],
        },
        {
          kind: 'labour',
          note: 'Wages and taxes of the five nurses',
          amounts: [26_180, 26_540, 27_020, 27_150, 27_640, 28_010, 28_000],
        },
      ],
      members: [{ email: FATIMA, hours: [144, 150, 156, 148, 160, 158, 152], salary: [3_780, 3_780, 3_780, 3_875, 3_875, 3_875, 3_875] }],
      split: { rule: 'salary' },
    },
    {
      team: 'Nurses Riverside',
      lines: [
        {
          kind: 'revenue',
          note: 'Home care visits billed to insurers',
          amounts: [45_620, 44_180, 46_930, 47_310, 45_790, 48_120, 48_500],
        },
        { kind: 'expense', note: 'Cars, phones and care supplies', amounts: [3_210, 3_150, 3_320, 3_390, 3_280, 3_450, 3_450] },
        {
          kind: 'labour',
          note: 'Wages and taxes of the seven nurses',
          amounts: [35_020, 35_260, 35_480, 35_910, 36_030, 36_220, 36_200],
        },
      ],
      members: [{ email: LOTTE, hours: [160, 156, 164, 168, 158, 166, 160], salary: [4_120, 4_120, 4_120, 4_225, 4_225, 4_225, 4_225] }],
      split: { rule: 'mix', weights: { equal: 0.5, hours: 0.5 } },
    },
    {
      team: 'Coaching council',
      lines: [],
      members: [
        { email: SANNE, hours: [64, 60, 68, 62, 66, 64, 60], salary: [2_400, 2_400, 2_400, 2_450, 2_450, 2_450, 2_450] },
        { email: DEMO_EMAIL, hours: [10, 8, 12, 10, 8, 10, 8], salary: [0, 0, 0, 0, 0, 0, 0] },
      ],
      split: { rule: 'peer' },
      peer: { from: 0, points: { [SANNE]: { [DEMO_EMAIL]: 100 }, [DEMO_EMAIL]: { [SANNE]: 100 } }, notYetInOpenMonth: [DEMO_EMAIL] },
    },
  ],
  trades: [
    {
      seller: 'Nurses Riverside',
      buyer: 'Nurses North',
      note: 'Stand-in visits for North’s clients',
      amounts: [1_400, 900, 1_150, 2_300, 1_600, 1_250, 700],
      enteredBy: LOTTE,
      answeredBy: JOOST,
    },
    {
      seller: 'Nurses South',
      buyer: 'Nurses Riverside',
      note: 'Evening round cover along the river',
      amounts: [820, 950, 780, 1_040, 910, 1_120, 1_000],
      enteredBy: LOTTE,
      answeredBy: FATIMA,
    },
  ],
  declined: {
    month: 3,
    seller: 'Nurses Riverside',
    buyer: 'Nurses North',
    note: 'Visits to Mr. Mulder, second week',
    amount: 640,
    enteredBy: LOTTE,
    answeredBy: JOOST,
    reason: 'Mr. Mulder cancelled those visits; they were not made.',
  },
  proposed: {
    seller: 'Nurses Riverside',
    buyer: 'Nurses North',
    note: 'Stand-in visits during North’s flu week',
    amount: 1_850,
    enteredBy: LOTTE,
  },
  allocation: {
    amount: 900,
    purpose: 'Pilot: an evening round for clients living with dementia',
    team: 'Nurses North',
    right: { name: 'Spend the reserve', description: 'fund new projects and experiments from the reserve' },
    title: 'Evening round pilot, funded from the reserve',
    options: ['Run the evening round for three months', 'Keep the day rounds only'],
    rationale: 'Families report evening confusion and falls; three months show whether a round helps',
  },
};
