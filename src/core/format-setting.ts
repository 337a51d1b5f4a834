/**
 * A setting a format declares for itself: a `rollfix config` key, and the command-line flag that
 * overrides it for one run. src/ lists, checks, stores and parses these from the registry, so a
 * format's own choices never appear in src/.
 */
export interface FormatSetting {
  /** The `rollfix config` key, as stored in config.json (a public contract: never renamed). */
  key: string;
  /** One line for `rollfix config` and the settings screen. */
  description: string;
  /** The stored text when none is set. */
  default: string;
  /** Checks a value the clerk typed: returns it as stored, or throws a RangeError saying what is wanted. */
  parse(text: string): string;
  /** The flag that overrides the setting for one run (check, fix and the workstation). */
  flag?: {
    /** Without the dashes, e.g. "max-errors". */
    name: string;
    /** The argument's name in the help, e.g. "FILE". */
    arg: string;
    /** The help text; further lines indent under the first. */
    help: readonly string[];
  };
  /**
   * What the format's checks read in `CheckOptions.formatOptions[key]`, from the parsed text (a
   * file may be read here; an InputError says what is wrong, and a flag's value is then not given
   * to `parse` first). Default: the text, empty as unset.
   */
  load?(value: string): unknown;
}

/** Every setting of the formats once: formats of one family declare the same setting object. */
export function formatSettings(formats: readonly { settings?: readonly FormatSetting[] }[]): FormatSetting[] {
  const byKey = new Map<string, FormatSetting>();
  for (const format of formats) for (const setting of format.settings ?? []) if (!byKey.has(setting.key)) byKey.set(setting.key, setting);
  return [...byKey.values()];
}
