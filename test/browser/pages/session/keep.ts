// Work already done is never lost (test/browser/session-keep.test.ts): an upload with nothing the
// model can read does not replace a usable take, and a full disk (QuotaExceededError on save)
// leaves the answer and the result in the page with a `storage-failed` warning.
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

interface Args {
  assets: PageAssets;
  goodUrl: string;
  emptyUrl: string;
}
const blob = async (url: string): Promise<Blob> => (await fetch(url)).blob();
const codeOf = (e: unknown): string => (e as { code?: string }).code ?? String(e);

exposeRun(async (a: Args) => {
  const hn = await HireNet.create(pageSessionOptions(a.assets, { modalities: ['audio', 'video'], persist: true }));
  try {
    const s = hn.startInterview({
      jobTitle: 'Software engineer',
      questions: ['Tell us about a project you are proud of.', 'Why this role?'],
    });
    await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
    const good = await s.addAnswerFile(0, await blob(a.goodUrl));
    const empty = await s.addAnswerFile(0, await blob(a.emptyUrl));
    const kept = s.recorded[0];
    const emptyTake = {
      returned: empty === null,
      keptRows: kept?.audio?.rows.length ?? 0,
      goodRows: good?.audio?.rows.length ?? -1,
      warnings: s.warnings.map((w) => w.code),
    };
    // A full disk from here on: every IndexedDB put fails the way a quota does.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    let quota: Record<string, unknown>;
    try {
      const second = await s.addAnswerFile(1, await blob(a.goodUrl));
      const result = await s.result();
      quota = {
        answerKept: second !== null && s.recorded[1] !== null,
        score: result.score,
        warnings: result.warnings.map((w) => w.code),
      };
    } catch (e) {
      quota = { error: codeOf(e) };
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    await hn.deleteAll();
    return { emptyTake, quota };
  } finally {
    await hn.close();
  }
});
