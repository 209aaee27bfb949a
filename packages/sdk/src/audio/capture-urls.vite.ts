/// <reference types="vite/client" />
/**
 * The capture worklet for apps bundled with Vite: `?worker&url` makes Vite compile the
 * TypeScript worklet into its own module file (dev and build) and hand back its URL, which
 * `startAudioCapture({ workletUrl })` passes to `audioWorklet.addModule`. Browser-only.
 */
import workletUrl from './capture-worklet.ts?worker&url';

export const viteAudioWorklet: { readonly workletUrl: string } = { workletUrl };
