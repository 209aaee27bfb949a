import { describe, expect, it } from 'vitest';
import { assertSelfContained, externalRefs } from './report-file.ts';

describe('report self-containment check', () => {
  it('finds network references in attributes, CSS url() and @import', () => {
    const html = `<img src="https://x.test/a.png"><link href='//cdn.test/s.css'><div style="background:url(http://x.test/b.png)"></div><style>@import "https://f.test/c.css";</style>`;
    expect(externalRefs(html)).toEqual(['https://x.test/a.png', '//cdn.test/s.css', 'http://x.test/b.png', 'https://f.test/c.css']);
    expect(() => assertSelfContained(html)).toThrow(/4 external URL/);
  });

  it('accepts data: URLs, fragments and plain text that mentions a URL', () => {
    const html = '<img src="data:image/png;base64,AAAA"><a href="#q1">q1</a><p>see https://example.test in text</p>';
    expect(externalRefs(html)).toEqual([]);
    expect(() => assertSelfContained(html)).not.toThrow();
  });
});
