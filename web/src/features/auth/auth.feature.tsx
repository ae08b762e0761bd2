import type { WebFeature } from '../../shared/feature';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';
import { SetupPage } from './setup-page';
import { SignInPage } from './sign-in-page';

export const authFeature: WebFeature = {
  name: 'auth',
  publicPages: [
    { path: 'sign-in', element: <SignInPage /> },
    { path: 'setup', element: <SetupPage /> },
    { path: 'forgot-password', element: <ForgotPasswordPage /> },
    { path: 'reset-password', element: <ResetPasswordPage /> },
  ],
};
