import { VideoError } from './errors.ts';

type OpenVideoFile = typeof import('./file-frames.ts')['openVideoFile'];

/**
 * The file demuxer (mediabunny, two thirds of this worker's code) is loaded with the first file:
 * live answers never need it, so a page that only records does not download it.
 */
export async function openFile(...args: Parameters<OpenVideoFile>): ReturnType<OpenVideoFile> {
  let open: OpenVideoFile;
  try {
    ({ openVideoFile: open } = await import('./file-frames.ts'));
  } catch (e) {
    throw new VideoError('video-decode', `the video file reader could not be loaded: ${String(e)}`, { cause: e });
  }
  return open(...args);
}
