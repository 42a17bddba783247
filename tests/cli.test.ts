import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, seedsDir } from './helpers.js';
import { summary } from '../src/bench/summary.js';
import type { BenchResult } from '../src/bench/bench.js';

// The command-line shells, run as a user runs them (through tsx).
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', script), ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

describe('npm run ingest', () => {
  it('explains every flag with --help', () => {
    const r = run('ingest.ts', ['--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--from', '--out', '--report', '--data', '--jobs', '--quiet', '--help']) expect(r.stdout).toContain(flag);
  });

  it('ingests a folder, prints a summary and writes the same report as JSON', () => {
    const out = mkdtempSync(join(tmpdir(), 'clippings-cli-'));
    const reportFile = join(out, 'report.json');
    const r = run('ingest.ts', ['--from', seedsDir, '--out', join(out, 'articles'), '--report', reportFile]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 written, 0 updated, 0 unchanged, 0 kept \(curator edits or deletions\), 0 skipped/);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report.counts).toMatchObject({ files: 4, articles: 4, written: 4, skipped: 0 });
    expect(report.warnings.map((w: { warning: string }) => w.warning)).toContain('undated: the text states no publication date');
  });

  it('fails with a message naming a missing folder', () => {
    const r = run('ingest.ts', ['--from', '/no/such/folder', '--out', mkdtempSync(join(tmpdir(), 'clippings-cli-'))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--from /no/such/folder: no such folder');
  });

  it('rejects an unknown flag with the help text', () => {
    const r = run('ingest.ts', ['--form', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--form'/);
  });
});

describe('npm run eval', () => {
  it('asks for --corpus and --gold', () => {
    const r = run('eval.ts', []);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('--corpus DIR');
  });
});

describe('the bench summary', () => {
  it('says a bare first query was not measured because bare Pagefind did not finish, not for want of Chromium', () => {
    const cost = (seconds: number, failed?: boolean) => ({ seconds, peakRss: 1e9, ...(failed ? { failed } : {}) });
    const result = {
      count: 100000,
      seed: 1,
      machine: { cores: 2, memory: 24e9, node: 'v20' },
      collection: { files: 100000, bytes: 1 },
      steps: { 'site (Eleventy)': cost(400), 'search (Pagefind)': cost(590), 'bare Eleventy, one layout': cost(300), 'bare Pagefind CLI': cost(175, true) },
      bare: { files: 100001, bytes: 1 },
      queries: [{ query: 'Bergen', ours: { total: 1969187, results: 5, parts: { wasm: 72209 } } }],
    } as unknown as BenchResult;
    const text = summary(result);
    expect(text).toContain('same query, bare Pagefind default UI: not measured (bare Pagefind did not finish)');
    expect(text).not.toContain('build + index, ours / bare');
  });
});

describe('npm run bench', () => {
  it('explains every flag with --help, and rejects an unknown flag or a bad number with the reason, not a stack trace', () => {
    const help = run('bench.ts', ['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--count', '--seed', '--query', '--work', '--json', '--no-baseline', '--bare-memory', '--pages', '--page-count']) expect(help.stdout).toContain(flag);
    const unknown = run('bench.ts', ['--cout', '10']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^bench: Unknown option '--cout'/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const bad = run('bench.ts', ['--count', 'ten']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('bench: --count takes a whole number of at least 1, not "ten"\n');
  });
});
