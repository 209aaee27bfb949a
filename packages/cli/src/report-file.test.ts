import { describe, expect, it } from 'vitest';
import { assertSelfContained, externalRefs } from './report-file.ts';

describe('report self-containment check', () => {
  it('finds network references in attributes, CSS url() and @import', () => {
    const html = [
      `<img src="https://x.test/a.png"><link href='//cdn.test/s.css'><div`,
      'style="background:url(http://x.test/b.png)"></div><style>@import "https://f.test/c.css";</style>',
    ].join(' ');
    expect(externalRefs(html)).toEqual([
      'https://x.test/a.png',
      '//cdn.test/s.css',
      'http://x.test/b.png',
      'https://f.test/c.css',
    ]);
    expect(() => assertSelfContained(html)).toThrow(/4 external URL/);
  });

  it('accepts data: URLs, fragments and plain text that mentions a URL', () => {
    const html = '<img src="data:image/png;base64,AAAA"><a href="#q1">q1</a><p>see https://example.test in text</p>';
    expect(externalRefs(html)).toEqual([]);
    expect(() => assertSelfContained(html)).not.toThrow();
  });
});

describe('report check and host text', () => {
  it('ignores url(…), src="…" and @import in text nodes and script data, where the browser fetches nothing', () => {
    const question =
      'Would you style a page with url(https://cdn.test/bg.png) or <img src="https://x.test/a.png">? ' +
      '@import "https://f.test/c.css"';
    const asText = question.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const attr = question.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const html = [
      `<h2 title="${attr}" data-q='url(https://q.test/)'>${asText}</h2><script`,
      `type="application/json">{"q":${JSON.stringify(question)}}</script><!-- <img`,
      'src="https://c.test/x"> -->',
    ].join(' ');
    expect(externalRefs(html)).toEqual([]);
    expect(() => assertSelfContained(html)).not.toThrow();
  });

  it('still finds a fetch in a <style> sheet, a style attribute and a script src next to such text', () => {
    const html = [
      '<p>url(https://text.test/)</p><style>.a{background:url("https://s.test/a.png")}</style><b',
      'style="background:url(//t.test/b.png)">x</b><script src="https://j.test/x.js"></script>',
    ].join(' ');
    expect(externalRefs(html).sort()).toEqual(['//t.test/b.png', 'https://j.test/x.js', 'https://s.test/a.png']);
  });
});
