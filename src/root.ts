import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
// Run as compiled JavaScript (scripts/run.mjs), this code sits in node_modules/.cache/clippings/<build>/.
const marker = `${sep}node_modules${sep}.cache${sep}clippings${sep}`;
const at = here.lastIndexOf(marker);

/** The project's folder, whether this code runs from src/ or from its compiled copy. */
export const projectRoot = at >= 0 ? here.slice(0, at) : resolve(dirname(here), '..');

/** The compiled build this code runs from (see scripts/run.mjs), or undefined when it runs from source. */
export const buildDir = at >= 0 ? here.slice(0, here.indexOf(sep, at + marker.length)) : undefined;
