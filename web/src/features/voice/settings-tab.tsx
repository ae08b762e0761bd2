/** Built by issue 7 (client voice). */
export function VoiceSettingsTab() {
  return null;
}
