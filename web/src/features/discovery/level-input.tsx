import { NumberInput } from '@mantine/core';
import { clampLevel } from './canvas-draft';

interface LevelInputProps {
  label: string;
  value: number;
  onChange: (level: number) => void;
  readOnly: boolean;
  error?: string;
}

/** An offering level 0–10: typed, or stepped with the arrows (keyboard ↑/↓ too). */
export function LevelInput({ label, value, onChange, readOnly, error }: LevelInputProps) {
  return (
    <NumberInput
      aria-label={label}
      value={value}
      onChange={(next) => onChange(clampLevel(next))}
      min={0}
      max={10}
      step={1}
      clampBehavior="strict"
      allowDecimal={false}
      allowNegative={false}
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      hideControls={readOnly}
      error={error}
      w={72}
      size="xs"
      styles={{ input: { textAlign: 'center', fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
