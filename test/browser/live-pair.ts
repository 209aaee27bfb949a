/**
 * The two-party live room that most live-room browser tests open: the interviewer Ines, then the
 * candidate Ada, each in its own live-room page. One copy, so the order the pages start in (the
 * interviewer first, as the tests' timings assume) is kept in one place.
 */
import { withPage, type HarnessPage, type PageOptions } from './harness/index.ts';

/** Starts a live-room page as `role` under `name`, in the room, relay and model the test chose. */
export type StartInRoom = (h: HarnessPage, role: 'interviewer' | 'candidate', name: string) => Promise<unknown>;

/**
 * Ines starts, then Ada, both pages with `opts` (the fake camera); `fn` runs while both are open,
 * then both close. `candidateAt` is Date.now() just before Ada's start, for timings counted from
 * her joining.
 */
export async function withInterviewerAndAda<T>(
  start: StartInRoom,
  opts: PageOptions,
  fn: (iv: HarnessPage, ada: HarnessPage, candidateAt: number) => Promise<T>,
): Promise<T> {
  return withPage(
    'live-room.html',
    async (iv) => {
      await start(iv, 'interviewer', 'Ines');
      return withPage(
        'live-room.html',
        async (ada) => {
          const candidateAt = Date.now();
          await start(ada, 'candidate', 'Ada');
          return fn(iv, ada, candidateAt);
        },
        opts,
      );
    },
    opts,
  );
}
