#!/usr/bin/env tsx
/** `npm run ingest -- --from DIR --out DIR`: raw captures → Markdown articles. A thin shell over src/ingest/run/run.ts. */
import { countFlag, parseCommand } from '../src/cli.js';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { runIngest, FatalError, InterruptedError } from '../src/ingest/run/run.js';
import { printable } from '../src/ingest/run/printable.js';
import { formatSummary } from '../src/ingest/run/report.js';
import { defaultSettings } from '../src/ingest/settings.js';
import { defaultDataDir } from '../src/data-files.js';
import { writeAtomic } from '../src/ingest/write/atomic.js';

const HELP = `Usage: npm run ingest -- [options]

Turns every raw capture under --from (recursively) into a cleaned Markdown article under --out.
Raw files are never modified; articles a curator has edited are never overwritten.

Options:
  --from DIR      folder of raw captures (default: content/raw)
  --out DIR       folder for the articles (default: content/articles)
  --report FILE   also write the run's report as JSON to FILE
  --data DIR      folder of vocabulary, sources, aliases and topics (default: _data)
  --jobs N        worker threads (default: one per core for 200 captures or more, else 1)
  --quiet         print only errors
  --help          show this help

Exit status: 0 when the run finished (skipped files are listed in the report), 1 on a fatal
error (missing folder, unwritable output, invalid data file, output folder in use by another
run), 2 on a bad option, 130 when stopped by Ctrl-C (what was written is kept; run again to go on).`;

async function main(): Promise<number> {
  const parsed = parseCommand('ingest', HELP, {
    from: { type: 'string', default: 'content/raw' },
    out: { type: 'string', default: 'content/articles' },
    report: { type: 'string' },
    data: { type: 'string', default: defaultDataDir },
    jobs: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  });
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const jobs = countFlag('ingest', 'jobs', values.jobs);
  if (jobs === null) return 2;
  const bar = process.stderr.isTTY && !values.quiet ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  let started = false;
  const t0 = performance.now();
  // Ctrl-C: finish the articles in hand, record them, release the lock; a second Ctrl-C quits at once.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(130);
    console.error(`\ningest: ${signal}: stopping after the articles in hand (press Ctrl-C again to quit at once)`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await runIngest({
      from: resolve(values.from!),
      out: resolve(values.out!),
      dataDir: resolve(values.data!),
      settings: defaultSettings,
      jobs,
      signal: stop.signal,
      onProgress: (phase, done, total) => {
        if (!bar || total < 50) return;
        if (!started || done === 1) {
          if (started) bar.stop();
          bar.start(total, 0, { phase: phase === 'scan' ? 'reading  ' : 'ingesting' });
          started = true;
        }
        bar.update(done, { phase: phase === 'scan' ? 'reading  ' : 'ingesting' });
      },
    });
    bar?.stop();
    if (values.report) writeAtomic(resolve(values.report), `${JSON.stringify(report, null, 2)}\n`);
    if (!values.quiet) console.log(formatSummary(report, (performance.now() - t0) / 1000));
    return 0;
  } catch (error) {
    bar?.stop();
    if (error instanceof InterruptedError) {
      console.error(`ingest: ${error.message}`);
      return 130;
    }
    console.error(`ingest: ${error instanceof FatalError ? '' : 'failed: '}${printable((error as Error).message)}`);
    return 1;
  }
}

process.exitCode = await main();
