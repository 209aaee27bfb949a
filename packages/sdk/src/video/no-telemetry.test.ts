import { describe, expect, it } from 'vitest';
import { blockTelemetry, isTelemetryUrl } from './no-telemetry.ts';

describe('blockTelemetry', () => {
  it('recognises the MediaPipe logging endpoint and nothing else', () => {
    expect(isTelemetryUrl('https://odml.pa.googleapis.com/v1/log')).toBe(true);
    expect(isTelemetryUrl('https://example.org/odml.pa.googleapis.com')).toBe(false);
    expect(isTelemetryUrl('/models/face_landmarker.task')).toBe(false);
  });

  it('answers telemetry requests locally and passes the rest through', async () => {
    const seen: string[] = [];
    const scope = {
      fetch: (async (input: RequestInfo | URL) => {
        seen.push(String(input));
        return new Response('ok');
      }) as typeof fetch,
    };
    blockTelemetry(scope);
    blockTelemetry(scope);
    const blocked = await scope.fetch('https://odml.pa.googleapis.com/v1/log', { method: 'POST', body: 'x' });
    expect(blocked.status).toBe(403);
    expect(await (await scope.fetch('http://127.0.0.1/model.task')).text()).toBe('ok');
    expect(seen).toEqual(['http://127.0.0.1/model.task']);
  });
});
