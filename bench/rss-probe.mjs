// Loaded with --import into every measured process: writes its peak RSS (KB) when it exits,
// so the bench needs no /usr/bin/time and measures each program the same way.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.ROLLFIX_RSS_OUT) writeFileSync(process.env.ROLLFIX_RSS_OUT, String(process.resourceUsage().maxRSS));
});
