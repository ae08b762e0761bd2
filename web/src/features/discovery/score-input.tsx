import { Input, SegmentedControl } from '@mantine/core';

interface ScoreInputProps {
  label: string;
  description?: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
}

/** A 1–5 score picked with one click; errors from the server show under it like under any field. */
export function ScoreInput({ label, description, value, onChange, error }: ScoreInputProps) {
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <SegmentedControl
        mt={4}
        fullWidth
        value={String(value)}
        onChange={(next) => onChange(Number(next))}
        data={['1', '2', '3', '4', '5']}
        aria-label={label}
      />
    </Input.Wrapper>
  );
}
