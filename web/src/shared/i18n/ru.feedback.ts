/** Staff-app strings of client voice: feedback (ru); spread into ru.ts. Same keys in en and ru. */
export const ruFeedback = {} as const;
