/**
 * The user's settings (DESIGN.md section 7), kept with `conf` in ~/.config/rollfix/config.json
 * ($ROLLFIX_CONFIG_DIR overrides the folder, for tests and for shared accounts). Every value is
 * checked here before it is stored, so a bad value is refused with a message and never saved;
 * flags override settings for one run.
 *
 * Reading needs no `conf`: every run reads the file directly (the same path conf uses), and
 * `conf` (with its JSON-schema validator) is loaded only to write, by `rollfix config`. That
 * keeps 15 ms off every start.
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { registry } from '../../formats/registry.js';
import { InputError } from '../io/input-error.js';
import { join } from 'node:path';
import envPaths from 'env-paths';
import type Conf from 'conf';

/** The settings of every run; each format adds its own (Format.settings), stored as text by their keys. */
export interface Settings {
  maxErrors: number;
  maxRecords: number;
  /** National IDs masked on screen. */
  mask: boolean;
  /** Change reports show sensitive values as "masked". */
  maskReports: boolean;
  ascii: boolean;
  color: boolean;
  [formatSetting: string]: string | number | boolean;
}

export interface SettingSpec {
  description: string;
  parse: (text: string) => string | number | boolean;
}

/** Reads a whole number of 0 or more; 0 means "no limit". */
export function parseLimit(text: string, what = 'value'): number {
  if (!/^\d+$/.test(text.trim().replace(/[_,]/g, ''))) throw new RangeError(`${what} must be a whole number of 0 or more (0: no limit), not "${text}"`);
  return Number(text.trim().replace(/[_,]/g, ''));
}

function parseYesNo(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(t)) return true;
  if (['false', 'no', 'off', '0'].includes(t)) return false;
  throw new RangeError(`say yes or no (true/false, on/off), not "${text}"`);
}

/** The formats' settings come first, as the clerk meets them; then those of every run. */
export const SETTINGS: Record<string, SettingSpec> = {
  ...Object.fromEntries(registry.settings.map((s) => [s.key, { description: s.description, parse: s.parse }])),
  maxErrors: { description: 'records in error before the receiving system rejects the file (0: no limit)', parse: (t) => parseLimit(t, 'maxErrors') },
  maxRecords: { description: 'records per file before the receiving system rejects it (0: no limit)', parse: (t) => parseLimit(t, 'maxRecords') },
  mask: { description: 'mask national IDs on screen (v shows one record)', parse: parseYesNo },
  maskReports: { description: 'write "masked" for national IDs in change reports', parse: parseYesNo },
  ascii: { description: 'draw with plain ASCII characters (as --ascii)', parse: parseYesNo },
  color: { description: 'use colours (NO_COLOR and --no-color turn them off)', parse: parseYesNo },
};

export const DEFAULTS: Settings = {
  ...Object.fromEntries(registry.settings.map((s) => [s.key, s.default])),
  maxErrors: 1000, maxRecords: 1_000_000, mask: true, maskReports: true, ascii: false, color: true,
};

/** The folder of config.json: conf's own default for the project name "rollfix". */
function settingsFolder(): string {
  return process.env.ROLLFIX_CONFIG_DIR || envPaths('rollfix', { suffix: '' }).config;
}

export async function openSettings(): Promise<Conf<Settings>> {
  const { default: Store } = await import('conf');
  const folder = settingsFolder();
  try {
    // 0700 whatever the umask (conf would make it 0777 under umask 000): it says where a clerk works.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o700);
  } catch (error) {
    throw new InputError(`cannot use the settings folder ${folder}: ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message}`, 73);
  }
  try {
    return new Store<Settings>({ projectName: 'rollfix', projectSuffix: '', defaults: DEFAULTS, configFileMode: 0o600, cwd: folder });
  } catch (error) {
    if (error instanceof SyntaxError) throw new InputError(`the settings file ${join(folder, 'config.json')} is not valid JSON (${error.message}); correct it, or delete it to start again from the defaults`, 78); // EXIT.badSettings
    throw error;
  }
}

/** The stored settings, with defaults for what is missing or unreadable. */
export function loadSettings(): Settings {
  let store: Record<string, unknown> = {};
  try {
    store = JSON.parse(readFileSync(join(settingsFolder(), 'config.json'), 'utf8'));
  } catch {
    // no settings yet, or a corrupt file: it must not stop a check
  }
  const out = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    if (typeof store?.[key] === typeof DEFAULTS[key]) (out as Record<string, unknown>)[key] = store[key];
  }
  return out;
}

export function isSettingKey(key: string): key is keyof Settings & string {
  return Object.hasOwn(SETTINGS, key);
}
