import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode } from '../src/ingest/read/decode.js';

const text = 'Café in Zürich – “quoted” and ‘single’ … done\n';

describe('decode', () => {
  it('reads UTF-8 as it is', () => {
    expect(decode(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'utf-8', warnings: [] });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const d = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(d.ok && d.text).toBe(text);
  });

  it.each(['utf-16le', 'utf-16be'])('reads %s with a byte-order mark', (enc) => {
    const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    const d = decode(Buffer.concat([Buffer.from(bom), iconv.encode(text, enc)]));
    expect(d.ok && d.text).toBe(text);
  });

  it('reads UTF-16 without a byte-order mark', () => {
    const d = decode(iconv.encode(text.repeat(4), 'utf-16le'));
    expect(d.ok && d.text).toBe(text.repeat(4));
  });

  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    const d = decode(iconv.encode(text, 'windows-1252'));
    expect(d).toMatchObject({ ok: true, text, encoding: 'windows-1252' });
  });

  it('turns CRLF and lone CR into LF', () => {
    const d = decode(Buffer.from('one\r\ntwo\rthree\n'));
    expect(d.ok && d.text).toBe('one\ntwo\nthree\n');
  });

  it('composes decomposed characters (NFC)', () => {
    const d = decode(Buffer.from('Cafe\u0301'));
    expect(d.ok && d.text).toBe('Café');
  });

  it('refuses empty and white-space-only files with a reason', () => {
    expect(decode(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty file (0 bytes)' });
    expect(decode(Buffer.from(' \n\t\n'))).toEqual({ ok: false, reason: 'empty file (only white space)' });
  });

  it('refuses binary files with a reason', () => {
    const d = decode(Buffer.from(Array.from({ length: 2048 }, (_, i) => i % 256)));
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/^binary file/);
  });

  it('keeps UTF-8 with a stray byte as UTF-8, replaces the byte and says where it was', () => {
    const bytes = Buffer.concat([Buffer.from('Zürich, Kyiv and Łódź\nsecond line '), Buffer.from([0x92]), Buffer.from(' still “UTF-8”\n')]);
    const d = decode(bytes);
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: 'Zürich, Kyiv and Łódź\nsecond line \ufffd still “UTF-8”\n' });
    expect(d.ok && d.warnings).toEqual(['replaced 1 byte(s) that are not UTF-8 with U+FFFD (the first on line 2)']);
  });

  it('reads Windows-1252 text that happens to hold one valid UTF-8 pair as Windows-1252', () => {
    const legacy = iconv.encode('Café, crème, naïve, déjà vu and Â£ signs', 'windows-1252');
    expect(decode(legacy)).toMatchObject({ ok: true, encoding: 'windows-1252', text: 'Café, crème, naïve, déjà vu and Â£ signs' });
  });

  it('reads Cyrillic UTF-16LE without a byte-order mark instead of calling it binary', () => {
    const cyrillic = 'Київ, 10 листопада. Президент України заявив про нові кроки.\nДругий рядок тексту.\n';
    const d = decode(iconv.encode(cyrillic.repeat(3), 'utf-16le'));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-16le', text: cyrillic.repeat(3) });
    expect(decode(iconv.encode(cyrillic.repeat(3), 'utf-16be'))).toMatchObject({ ok: true, encoding: 'utf-16be' });
  });

  it('removes control characters and noncharacters and says how many', () => {
    const d = decode(Buffer.from('Title \u001b[31mred\u0007 and \u0085C1 \ufffe done\f next\n'));
    expect(d).toMatchObject({ ok: true, text: 'Title [31mred and C1  done\n next\n' });
    expect(d.ok && d.warnings).toEqual(['removed 4 control character(s) or noncharacter(s) from the text']);
  });
});
