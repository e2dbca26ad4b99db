import { describe, expect, it } from 'vitest';
import { escapeRawHtml } from './escape-raw-html.js';

describe('escapeRawHtml', () => {
  it('escapes HTML blocks and inline tags, and leaves code and plain text as written', () => {
    const markdown = [
      '<div onclick="steal()">',
      'hello',
      '</div>',
      '',
      'Text with <img src=x onerror=alert(1)> inline, `<b>code</b>` in a span, and a < b.',
      '',
      '```html',
      '<script>alert(1)</script>',
      '```',
      '',
      '> quoted <span>tag</span>',
    ].join('\n');
    expect(escapeRawHtml(markdown)).toBe(
      [
        '&lt;div onclick="steal()">',
        'hello',
        '&lt;/div>',
        '',
        'Text with &lt;img src=x onerror=alert(1)> inline, `<b>code</b>` in a span, and a < b.',
        '',
        '```html',
        '<script>alert(1)</script>',
        '```',
        '',
        '> quoted &lt;span>tag&lt;/span>',
      ].join('\n'),
    );
  });

  it('returns text without tags unchanged', () => {
    expect(escapeRawHtml('no tags, 1 < 2')).toBe('no tags, 1 < 2');
  });
});
