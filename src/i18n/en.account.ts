/** Staff account e-mail (en): password reset. Same keys in ru.account.ts. */
export const enAccount = {
  mail: {
    passwordReset: {
      subject: 'Reset your Clientocracy password',
      body: 'Hello, {{name}}!\n\nSomeone asked to reset the password of your Clientocracy account {{email}}. If it was you, open this link and choose a new password (it works once, for {{minutes}} minutes):\n{{url}}\n\nSetting a new password signs you out everywhere.\n\nIf it was not you, ignore this message: your password stays as it is.\n',
    },
  },
} as const;
