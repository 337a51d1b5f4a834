/**
 * The user's settings (DESIGN.md section 7), kept with `conf` in ~/.config/rollfix/config.json
 * ($ROLLFIX_CONFIG_DIR overrides the folder, for tests and for shared accounts). Every value is
 * checked here before it is stored, so a bad value is refused with a message and never saved;
 * flags override settings for one run.
 */
import Conf from 'conf';

export interface Settings {
  district: string;
  school: string;
  schools: string;
  maxErrors: number;
  maxRecords: number;
}

interface SettingSpec {
  description: string;
  parse: (text: string) => string | number;
}

/** Reads a whole number of 0 or more; 0 means "no limit". */
export function parseLimit(text: string, what = 'value'): number {
  if (!/^\d+$/.test(text.trim().replace(/[_,]/g, ''))) throw new RangeError(`${what} must be a whole number of 0 or more (0: no limit), not "${text}"`);
  return Number(text.trim().replace(/[_,]/g, ''));
}

function parseCode(text: string): string {
  if (!/^[A-Za-z0-9]{0,8}$/.test(text)) throw new RangeError(`a district or school code is up to 8 letters or digits, not "${text}"`);
  return text;
}

export const SETTINGS: Record<keyof Settings, SettingSpec> = {
  district: { description: 'your current district (the GTID "current location"); empty: not checked', parse: parseCode },
  school: { description: 'your current school code', parse: parseCode },
  schools: { description: 'school directory file (CSV: school code, district code)', parse: (t) => t },
  maxErrors: { description: 'records in error before the receiving system rejects the file (0: no limit)', parse: (t) => parseLimit(t, 'maxErrors') },
  maxRecords: { description: 'records per file before the receiving system rejects it (0: no limit)', parse: (t) => parseLimit(t, 'maxRecords') },
};

export const DEFAULTS: Settings = { district: '', school: '', schools: '', maxErrors: 1000, maxRecords: 1_000_000 };

export function openSettings(): Conf<Settings> {
  const cwd = process.env.ROLLFIX_CONFIG_DIR;
  return new Conf<Settings>({ projectName: 'rollfix', projectSuffix: '', defaults: DEFAULTS, configFileMode: 0o600, ...(cwd ? { cwd } : {}) });
}

/** The stored settings, with defaults for what is missing or unreadable. */
export function loadSettings(): Settings {
  try {
    const store = openSettings().store;
    const out = { ...DEFAULTS };
    for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
      if (typeof store[key] === typeof DEFAULTS[key]) (out as Record<string, unknown>)[key] = store[key];
    }
    return out;
  } catch {
    return { ...DEFAULTS }; // a corrupt or unreadable settings file must not stop a check
  }
}

export function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(SETTINGS, key);
}
