import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every scratch folder a test makes (mkdtemp under os.tmpdir()) lands in one folder for the run,
// removed at its end: test runs leave nothing behind in the machine's temp folder.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'clippings-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
