/** `rollfix config get|set|unset|list|path`: the stored settings, validated before they are saved. */
import { writeOut } from './terminal.js';
import { DEFAULTS, isSettingKey, openSettings, SETTINGS } from '../session/settings.js';
import { EXIT } from './exit-codes.js';
import { journalDir } from '../session/journal.js';
import { memoryDir } from '../session/memory-store.js';
import { UsageError } from './usage-error.js';

export const CONFIG_HELP = `Usage: rollfix config list | get KEY | set KEY VALUE | unset KEY | path | paths

  path    the settings file; paths: where rollfix keeps everything (settings, journals,
          remembered decisions)

Settings (flags of check and fix override them for one run):
${Object.entries(SETTINGS).map(([k, s]) => `  ${k.padEnd(11)} ${s.description}`).join('\n')}
`;

export async function configCommand(args: string[]): Promise<number> {
  const [verb, key, value] = args;
  const store = await openSettings();
  const needKey = () => {
    if (!key || !isSettingKey(key)) throw new UsageError(`config ${verb} needs a setting name: ${Object.keys(SETTINGS).join(', ')}`);
    return key;
  };
  switch (verb) {
    case 'path':
      writeOut(store.path + '\n');
      return EXIT.clean;
    case 'paths':
      writeOut(`settings   ${store.path}\njournals   ${journalDir()}\ndecisions  ${memoryDir()} (rollfix memory list)\n`);
      return EXIT.clean;
    case 'list':
    case undefined:
      for (const k of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) writeOut(`${k}=${String(store.get(k))}\n`);
      return EXIT.clean;
    case 'get':
      writeOut(String(store.get(needKey())) + '\n');
      return EXIT.clean;
    case 'unset':
      store.reset(needKey());
      return EXIT.clean;
    case 'set': {
      const k = needKey();
      if (value === undefined) throw new UsageError(`config set ${k} needs a value`);
      try {
        store.set(k, SETTINGS[k].parse(value));
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(`not saved: ${error.message}`);
        throw error;
      }
      return EXIT.clean;
    }
    default:
      throw new UsageError(`unknown config command "${verb}"; use list, get, set, unset, path or paths`);
  }
}
