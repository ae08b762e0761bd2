/** Staff-app strings of client voice: voice (en); spread into en.ts. Same keys in en and ru. */
export const enVoice = {
  voice: {
    nav: 'Client voice',
    title: 'Client voice',
    description: 'What clients say, propose and decide: feedback, proposals with owed answers, the participatory reserve.',
    tabs: {
      feedback: 'Feedback',
      proposals: 'Proposals',
      reserve: 'Participatory reserve',
      moderation: 'Moderation',
      outbox: 'Outbox',
      settings: 'Settings',
    },
  },
} as const;
