import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The terminal's size now, redrawn when it changes (Ink lays out again but does not re-run components). */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  useEffect(() => {
    const resize = () => setSize({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', resize);
    return () => void stdout.off('resize', resize);
  }, [stdout]);
  return size;
}
