/** Staff-app strings of clients' influence on decisions (en); spread into en.ts. Same keys in en and ru. */
export const enClientsAsked = {
  clientsAsked: {
    title: 'Clients',
    touches: 'Client segments it touches',
    touchesHint:
      'It is taken only once each was asked: a client poll closed with its quorum, or a client’s advice — or with a published reason.',
    adviceFrom: 'Ask these segments for advice',
    adviceFromHint: 'Their clients see the decision on the portal and advise until it is taken (not waited for like staff advice).',
    notAskedAlert: 'Clients not asked yet: {{segments}}. Poll them, ask their advice, or say why they were not asked.',
    reason: 'Why the clients were not asked',
    reasonHint: 'Published on the client portal beside the decision.',
    touchesList: 'Touches: {{segments}}',
    askedList: 'Advice asked of: {{segments}}',
    notAskedYet: 'Not asked yet: {{segments}}',
    reasonPublished: 'Decided without asking the clients it touches, because (published on the portal):',
    adviceCount_one: '{{count}} client’s advice',
    adviceCount_few: '{{count}} clients’ advice',
    adviceCount_many: '{{count}} clients’ advice',
    adviceCount_other: '{{count}} clients’ advice',
    prefers: 'prefers «{{option}}»',
  },
  voiceBinding: {
    label: 'Client polls bind decisions under these rights',
    hint: 'Deciding against the winner of a counting poll under such a right is refused (not just explained).',
  },
};
