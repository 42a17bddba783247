import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedsDir } from './helpers.js';

/** The capture every hostile folder holds besides its traps: a real article, which must come through. */
export const GOOD = '000_14962ab49b8a38ce.txt';

/** A file name with a terminal escape sequence in it (it would turn a terminal red). */
export const ESCAPE_NAME = 'red-\u001b[31mALERT\u001b[0m.txt';

/**
 * A raw folder holding every kind of hostile or unlucky content a capture folder can hold, made at
 * test time (links, pipes, sockets and odd names cannot live in git). Returns the folder and a
 * secret the test checks never reaches an article or the site.
 */
export async function hostileFolder(): Promise<{ root: string; raw: string; secret: string; marker: string; close: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'clippings-hostile-'));
  chmodSync(root, 0o755);
  const raw = join(root, 'raw');
  mkdirSync(raw);
  const secret = `s3cr3t-${process.pid}-token`;
  const marker = join(root, 'PWNED');
  const outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'private.txt'), `Private notes outside the collection. ${secret} is the password of the family account, written down here.\n`);

  writeFileSync(join(raw, GOOD), readFileSync(join(seedsDir, GOOD)));
  // Templates Eleventy would run or evaluate.
  writeFileSync(join(raw, 'x.11ty.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = () => 'x';`);
  writeFileSync(join(raw, 'evil.md'), `---js\n{ permalink: (() => { require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); return '/evil/'; })() }\n---\nhi\n`);
  writeFileSync(join(raw, 'takeover.md'), '---\npermalink: /assets/highlight.js\n---\nalert(document.domain)\n');
  writeFileSync(join(raw, 'escape.md'), '---\npermalink: ../../escaped.html\n---\nEscaped the output folder.\n');
  writeFileSync(join(raw, 'sum.njk'), 'Seven times seven is {{ 7*7 }}.\n');
  writeFileSync(join(raw, 'sum.liquid'), 'Seven times seven is {{ 7 | times: 7 }}.\n');
  // Active content a browser would run from the archive's origin.
  writeFileSync(join(raw, 'page.html'), '<!doctype html><title>Saved page</title><script>document.title="RAN"</script><p>A saved page.</p>\n');
  writeFileSync(join(raw, 'page.htm'), '<script>document.title="RAN"</script>\n');
  writeFileSync(join(raw, 'image.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="RAN"</script></svg>\n');
  writeFileSync(join(raw, 'page.xhtml'), '<html xmlns="http://www.w3.org/1999/xhtml"><script>document.title="RAN"</script></html>\n');
  // A text capture whose text is markup: published as text only.
  writeFileSync(join(raw, 'markup-capture.txt'), `Reporter shows how a page can run a script\n\nThe capture below is <script>document.title="RAN"</script> written as the page showed it, and it must never run when the archive publishes the capture for readers to check.\n\nA second paragraph says that the archive keeps the capture as plain text, so that anyone can check it against the article.\n`);
  // Private files and links out of the collection.
  mkdirSync(join(raw, '.git'));
  writeFileSync(join(raw, '.git', 'config'), `[remote "origin"]\n\turl = https://user:${secret}@example.com/archive.git\n`);
  mkdirSync(join(raw, '.git', 'annex', 'objects', 'ab', 'cd', 'KEY'), { recursive: true });
  writeFileSync(join(raw, '.git', 'annex', 'objects', 'ab', 'cd', 'KEY', 'KEY'), readFileSync(join(seedsDir, '001_489c89e2d031d28c.txt')));
  symlinkSync('.git/annex/objects/ab/cd/KEY/KEY', join(raw, 'annexed.txt'));
  writeFileSync(join(raw, '.env'), `API_TOKEN=${secret}\n`);
  mkdirSync(join(raw, 'nested', '.hidden'), { recursive: true });
  writeFileSync(join(raw, 'nested', '.hidden', 'note.txt'), `A hidden note with ${secret} in it.\n`);
  symlinkSync('/etc/passwd', join(raw, 'passwd.txt'));
  symlinkSync(join(outside, 'private.txt'), join(raw, 'private-link.txt'));
  symlinkSync(outside, join(raw, 'linked-folder'));
  symlinkSync('nested', join(raw, 'inner-folder-link'));
  symlinkSync('../.env', join(raw, 'nested', 'env-link.txt'));
  symlinkSync(join(raw, 'no-such-file.txt'), join(raw, 'dangling.txt'));
  symlinkSync('loop-b.txt', join(raw, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(raw, 'loop-b.txt'));
  // Things that are not files, and names that are not text.
  execFileSync('mkfifo', [join(raw, 'pipe.txt')]);
  const server = createServer();
  await new Promise<void>((done) => server.listen(join(raw, 'socket.txt'), done));
  writeFileSync(Buffer.from(`${raw}/bad-name-\xff.txt`, 'latin1'), 'A file whose name is not UTF-8.\n');
  writeFileSync(join(raw, ESCAPE_NAME), readFileSync(join(seedsDir, '002_da18c3f2ea08de6d.txt')));
  // Text the site must not choke on.
  writeFileSync(join(raw, 'far-future.txt'), 'Council approves the new harbour wall after a long debate\n\nDecember 31, 9999\n\nThe council approved the new harbour wall on Tuesday after a debate that lasted most of the evening and ended with a narrow vote.\n\nWork on the wall is expected to begin in the spring, and the council said the cost would be shared with the port authority.\n');
  writeFileSync(join(raw, 'control-title.txt'), 'Harbour \u0007wall \u001bvote\ufffe passes \u0085at last\n\nThe harbour board voted for the wall on Monday night, after the fishermen of the town had asked for it for a decade and more.\n\nThe board said the wall would be built of local stone, and that the quay would stay open to boats while the work went on.\n');
  writeFileSync(join(raw, 'articles.txt'), 'Articles\n\nA headline of one word names this capture, and its slug must not take the name of a folder of the site or of its data.\n\nThe library of the town keeps the articles of the local paper in bound volumes, and a reader may ask to see any of them.\n');
  return { root, raw, secret, marker, close: () => server.close() };
}
