import { describe, expect, it } from 'vitest';
import { HOST_TEXT_LIMITS } from './host-text.ts';
import { resolveOptions, validateConsentNotice, validateInterviewSpec } from './options.ts';

describe('HireNet options', () => {
  it('derives every asset URL from assetsBaseUrl, absolute against the page', () => {
    const o = resolveOptions({ assetsBaseUrl: '/hirenet' }, 'https://example.test/jobs/embed.html');
    expect(o.modelUrl).toBe('https://example.test/hirenet/model/');
    expect(o.vocabUrl).toBe('https://example.test/hirenet/vocab/');
    expect(o.wasmPaths).toBe('https://example.test/hirenet/tfjs/');
    expect(o.faceModelUrl).toBe('https://example.test/hirenet/face_landmarker.task.gz');
    expect(o.audioWorkletUrl).toBe('https://example.test/hirenet/capture-worklet.js');
    expect(o.modalities).toEqual(['audio', 'video']);
    expect(o.backend).toBe('auto');
    expect(o.persist).toBe(true);
  });

  it('audio-only turns the face model off', () => {
    expect(resolveOptions({ assetsBaseUrl: '/a/', modalities: ['audio'] }).faceModelUrl).toBeNull();
  });

  it('rejects bad options with a typed error', () => {
    expect(() => resolveOptions({ assetsBaseUrl: '' })).toThrow(expect.objectContaining({ code: 'invalid-options' }));
    expect(() => resolveOptions({ assetsBaseUrl: '/a/', backend: 'gpu' as never })).toThrow(/backend must be/);
    expect(() => resolveOptions({ assetsBaseUrl: '/a/', modalities: [] })).toThrow(/modalities/);
    expect(() => resolveOptions({ assetsBaseUrl: '/a/', modalities: ['audio', 'audio'] })).toThrow(/modalities/);
    expect(() => validateInterviewSpec({ jobTitle: 'x', questions: [] })).toThrow(/questions/);
    expect(() => validateInterviewSpec({ jobTitle: 'x', questions: ['ok', ' '] })).toThrow(/questions\[1\]/);
  });

  describe('host text limits', () => {
    // The error is typed and its message starts with the field it names.
    const invalid = (field: string, pattern: RegExp) => {
      const message = new RegExp(`^${field.replace(/[[\]]/g, '\\$&')} .*${pattern.source}`);
      return expect.objectContaining({ code: 'invalid-options', message: expect.stringMatching(message) });
    };
    const spec = (jobTitle: string, questions: string[]) => () => validateInterviewSpec({ jobTitle, questions });

    it('accepts strings at the limit and refuses one character more, naming the field and the limit', () => {
      const title = 'T'.repeat(HOST_TEXT_LIMITS.jobTitle);
      const question = 'Q'.repeat(HOST_TEXT_LIMITS.question);
      expect(validateInterviewSpec({ jobTitle: title, questions: [question] }).questions[0]).toHaveLength(
        HOST_TEXT_LIMITS.question,
      );
      expect(spec(`${title}x`, ['ok'])).toThrow(
        invalid('jobTitle', new RegExp(`limit is ${HOST_TEXT_LIMITS.jobTitle}`)),
      );
      expect(spec('x', ['ok', `${question}x`])).toThrow(
        invalid('questions[1]', new RegExp(`limit is ${HOST_TEXT_LIMITS.question}`)),
      );
      // The case measured in the demo: a 100,000-character question is refused at once.
      const t0 = performance.now();
      expect(spec('x', ['q'.repeat(100_000)])).toThrow(/questions\[0\] is 100000 characters long; the limit is 1000/);
      expect(performance.now() - t0).toBeLessThan(50);
    });

    it('limits the number of questions to 1–50', () => {
      const many = Array.from({ length: HOST_TEXT_LIMITS.questions }, (_, i) => `Question ${i}?`);
      expect(validateInterviewSpec({ jobTitle: 'x', questions: many }).questions).toHaveLength(50);
      expect(spec('x', [...many, 'one more'])).toThrow(/questions must be a list of 1–50 strings \(got 51\)/);
    });

    it('refuses control characters other than tab/newline and unpaired surrogates', () => {
      expect(validateInterviewSpec({ jobTitle: 'Nurse 👩‍⚕️', questions: ['Part one:\n\tpart two?'] }).jobTitle).toBe(
        'Nurse 👩‍⚕️',
      );
      expect(spec('x', ['a\u0000b'])).toThrow(invalid('questions[0]', /control character other than tab and newline/));
      expect(spec('x', ['a\rb'])).toThrow(/questions\[0\] contains a control character/);
      expect(spec('x', ['a\u0085b'])).toThrow(/questions\[0\] contains a control character/);
      expect(spec('a\nb', ['ok'])).toThrow(invalid('jobTitle', /control character/));
      expect(spec('x', ['broken \uD83D pair'])).toThrow(invalid('questions[0]', /unpaired UTF-16 surrogate/));
      expect(spec('\uDC00x', ['ok'])).toThrow(/jobTitle contains an unpaired UTF-16 surrogate/);
      // Bidi controls are legitimate in right-to-left text: accepted here, isolated where shown.
      expect(validateInterviewSpec({ jobTitle: '\u202Eevil', questions: ['ok'] }).jobTitle).toBe('\u202Eevil');
    });

    it('refuses long or malformed option URLs, naming the option', () => {
      const long = `https://cdn.example.test/${'a'.repeat(HOST_TEXT_LIMITS.url)}`;
      expect(() => resolveOptions({ assetsBaseUrl: long })).toThrow(invalid('assetsBaseUrl', /limit is 4096/));
      expect(() => resolveOptions({ assetsBaseUrl: '/a/', modelUrl: long })).toThrow(
        invalid('modelUrl', /limit is 4096/),
      );
      expect(() => resolveOptions({ assetsBaseUrl: '/a/', faceModelUrl: long })).toThrow(
        /faceModelUrl is \d+ characters long/,
      );
      expect(() => resolveOptions({ assetsBaseUrl: '/a/', audioWorkerUrl: '/w.js\n' })).toThrow(
        invalid('audioWorkerUrl', /control character/),
      );
      expect(() => resolveOptions({ assetsBaseUrl: '/a/', manifestUrl: 7 as never })).toThrow(
        /manifestUrl must be a string/,
      );
      expect(() =>
        resolveOptions({ assetsBaseUrl: '/a/', visionWasm: { wasmLoaderUrl: '/l.js', wasmBinaryUrl: long } }),
      ).toThrow(invalid('visionWasm.wasmBinaryUrl', /limit/));
      expect(resolveOptions({ assetsBaseUrl: '/a/', faceModelUrl: null }).faceModelUrl).toBeNull();
    });

    it('checks the consent notice version and locale', () => {
      expect(() => validateConsentNotice({ noticeVersion: '1.0.0', noticeLocale: 'de-CH' })).not.toThrow();
      expect(() => validateConsentNotice({ noticeVersion: '1'.repeat(65) })).toThrow(
        invalid('noticeVersion', /limit is 64/),
      );
      expect(() => validateConsentNotice({ noticeVersion: '1.0.0', noticeLocale: 'e'.repeat(36) })).toThrow(
        invalid('noticeLocale', /limit is 35/),
      );
      expect(() => validateConsentNotice({ noticeVersion: '' })).toThrow(/noticeVersion must be a non-empty string/);
    });
  });
});
