/**
 * How things look: colour or not (NO_COLOR, --no-color), line-drawing or ASCII (--ascii). With
 * colour off, every state is still told by a symbol, never by colour alone.
 */
export interface Theme {
  color: boolean;
  ascii: boolean;
  symbols: { error: string; warning: string; ok: string; reject: string; cursor: string; arrow: string; ellipsis: string; rule: string; bar: string; barEmpty: string; separator: string };
  /** Ink colour names, or undefined when colour is off. */
  colors: { error?: string; warning?: string; ok?: string; accent?: string; dim?: string };
}

export function makeTheme({ color, ascii }: { color: boolean; ascii: boolean }): Theme {
  return {
    color,
    ascii,
    symbols: ascii
      ? { error: 'x', warning: '!', ok: '+', reject: 'X', cursor: '>', arrow: '->', ellipsis: '~', rule: '-', bar: '#', barEmpty: '.', separator: '|' }
      : { error: '✗', warning: '!', ok: '✓', reject: '✗', cursor: '›', arrow: '→', ellipsis: '…', rule: '─', bar: '█', barEmpty: '░', separator: '│' },
    colors: color ? { error: 'red', warning: 'yellow', ok: 'green', accent: 'cyan', dim: 'gray' } : {},
  };
}

/** NO_COLOR (no-color.org): any non-empty value turns colour off. */
export function colorWanted(env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  return !env.NO_COLOR;
}
