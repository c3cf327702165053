import { Button, type ButtonProps } from '@mantine/core';
import { useRef } from 'react';

// A real, focusable button that opens the file chooser; the <input type="file"> itself stays hidden
// (its native rendering cannot be translated or styled).
export function FilePickButton({
  label,
  accept,
  multiple,
  onFiles,
  testId,
  ...button
}: { label: string; accept?: string; multiple?: boolean; onFiles: (files: File[]) => void; testId?: string } & Omit<ButtonProps, 'children' | 'onClick'>) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <Button {...button} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
