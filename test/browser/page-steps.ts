/**
 * What a session test page reports back: one JSON object per step (`{ step: 'answer', … }`). Pages build them from
 * SDK results and caught errors, so each step has its own shape; a test reads the fields of the steps it checks and
 * asserts each with expect, which is why the fields stay loosely typed here — in this one place.
 */
// biome-ignore lint/suspicious/noExplicitAny: per-step JSON from page.evaluate; every field read is asserted by a test
export type PageStep = { step: string; [k: string]: any };
