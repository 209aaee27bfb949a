/**
 * The candidate's room: consent first, then the call with the interviewer, per-channel pause and
 * resume, and the mirror panel (`<pre id="sent">`): one JSON line per cue message, exactly the
 * text that went over the data channel. Leaving stops every track and the analysis; "Join again"
 * starts over with the same choices.
 */
import { LiveRoom, startCueAnalysis, type CueAnalysis, type LiveChannel } from '@hirenet/sdk/live';
import { button, h, replace } from '../dom.ts';
import type { LiveRoomConfig } from './config.ts';
import { consentPanel, type Consent } from './consent.ts';
import { wordsPanel, wordsSource } from './candidate-words.ts';
import { cueStrip } from './cue-strip.ts';
import { openCameraAndMic, setStream, videoFor } from './media.ts';

export interface CandidateHandle {
  room(): LiveRoom | null;
  leave(): Promise<void>;
  rejoin(): Promise<void>;
  pause(ch: LiveChannel): Promise<void>;
  resume(ch: LiveChannel): Promise<void>;
  /**
   * A host's words for the current answer (its own on-device recogniser): counted here, only the
   * top words and counts are sent. False while the words channel is not on; throws on bad input.
   */
  supplyWords(text: string): boolean;
  /** The next words start a new answer. */
  nextAnswer(): void;
}

export async function candidateView(root: HTMLElement, cfg: LiveRoomConfig): Promise<CandidateHandle> {
  // Where words could come from is known before consent, so the box can say why it is off.
  const words = await wordsSource(cfg);
  const consent: Consent = cfg.auto
    ? { face: cfg.face !== null, voice: true, words: words.options !== undefined }
    : await consentPanel(root, cfg.face !== null, words.unavailable);
  const status = h('p', { class: 'status-line', role: 'status', 'data-testid': 'status' });
  const sent = h('pre', {
    id: 'sent',
    class: 'cue-log',
    'aria-label': 'Every message sent to the interviewer, one JSON line each',
  });
  // The last message as the interviewer's screen shows it (same component), above the raw lines.
  const mirror = cueStrip();
  mirror.el.dataset['testid'] = 'mirror-strip';
  const remote = videoFor(null, { muted: false, label: 'Interviewer video', testid: 'remote-video' });
  const self = videoFor(null, { muted: true, label: 'Your camera', testid: 'self-video' });
  const controls = h('div', { class: 'actions channel-controls' });
  const leaveBtn = button('Leave the interview', () => void handle.leave(), {
    class: 'danger',
    'data-testid': 'leave',
  });
  const rejoinBtn = button('Join again', () => void handle.rejoin(), { 'data-testid': 'rejoin', hidden: true });
  const wordsBox = wordsPanel(
    words,
    (text) => {
      try {
        if (!handle.supplyWords(text)) wordsBox.update(analysis);
      } catch (e) {
        wordsBox.update(analysis);
        status.textContent = `These words could not be used: ${(e as Error).message}`;
      }
    },
    () => handle.nextAnswer(),
  );
  replace(
    root,
    h(
      'section',
      { class: 'live candidate' },
      h('h2', {}, `Interview room ${cfg.room}`),
      status,
      h('div', { class: 'call' }, remote, self),
      controls,
      wordsBox.el,
      h('p', { class: 'actions' }, leaveBtn, rejoinBtn),
      h('h3', {}, 'Sent to the interviewer'),
      h(
        'p',
        { class: 'hint' },
        consent.face || consent.voice
          ? 'Each line below is one message exactly as it was sent.'
          : 'You joined without analysis: the lines below say only that no channel is analysed.',
      ),
      mirror.el,
      sent,
    ),
  );

  let room: LiveRoom | null = null;
  let analysis: CueAnalysis | null = null;
  let stream: MediaStream | null = null;

  const renderControls = (): void => {
    controls.replaceChildren();
    for (const ch of ['face', 'voice', 'words'] as const) {
      const state = analysis?.state(ch) ?? 'off';
      const label = ch === 'face' ? 'Camera analysis' : ch === 'voice' ? 'Voice analysis' : 'Words';
      controls.append(
        h(
          'span',
          { class: 'channel', 'data-channel': ch, 'data-state': state },
          `${label}: ${state} `,
          state === 'on' ? button('Pause', () => void handle.pause(ch), { 'data-testid': `pause-${ch}` }) : null,
          state === 'paused' ? button('Resume', () => void handle.resume(ch), { 'data-testid': `resume-${ch}` }) : null,
        ),
      );
    }
    wordsBox.update(analysis);
  };

  const join = async (): Promise<void> => {
    status.textContent = 'Opening camera and microphone…';
    stream = await openCameraAndMic(cfg.video);
    setStream(self, stream);
    status.textContent = 'Joining the room…';
    const r = await LiveRoom.join({
      relayUrl: cfg.relayUrl,
      // A function: each reconnection to the relay fetches a fresh token.
      token: cfg.token,
      localStream: stream,
      iceTransportPolicy: cfg.relayOnly === true ? 'relay' : 'all',
    });
    room = r;
    addEventListener('pagehide', () => r.leave(), { once: true });
    status.textContent = r.peers.size > 0 ? 'Connecting to the interviewer…' : 'Waiting for the interviewer…';
    r.addEventListener('peer-joined', () => (status.textContent = 'Connecting to the interviewer…'));
    r.addEventListener('stream', (e) => e.detail.stream !== null && setStream(remote, e.detail.stream));
    r.addEventListener('state', (e) => {
      status.textContent =
        e.detail.state === 'connected' ? 'Connected to the interviewer.' : `Connection: ${e.detail.state}`;
      root.dataset['state'] = e.detail.state;
    });
    r.addEventListener('peer-left', () => (status.textContent = 'The interviewer left the room.'));
    r.addEventListener('relay-reconnecting', (e) => {
      status.textContent = `Room server connection lost; the call goes on. Reconnecting (try ${e.detail.attempt})…`;
    });
    r.addEventListener('relay-reconnected', () => (status.textContent = 'Room server connection restored.'));
    r.addEventListener('relay-lost', (e) => (status.textContent = `Room server unreachable: ${e.detail.reason}`));
    for (const p of r.peers.values()) if (p.stream !== null) setStream(remote, p.stream);
    analysis = await startCueAnalysis({
      stream,
      consent,
      ...(cfg.face === null ? {} : { face: cfg.face }),
      ...(cfg.face === null || cfg.pose == null ? {} : { pose: cfg.pose }),
      ...(words.options === undefined ? {} : { words: words.options }),
      audio: cfg.audio,
      intervalMs: (cfg.cueSeconds ?? 2) * 1000,
      onCue: (cue, text) => {
        // The mirror shows what went out, so a message the closed channel could not take is not listed.
        if (r.sendCue(text)) {
          sent.append(`${text}\n`);
          mirror.show(cue);
        }
      },
      onPostureError: (e) => (status.textContent = `Posture cues unavailable (face cues go on): ${e.message}`),
      onChannelError: (ch, e) => {
        const what = ch === 'face' ? 'Camera analysis' : ch === 'voice' ? 'Voice analysis' : 'Words';
        status.textContent = `${what} stopped: ${(e as Error).message}`;
        renderControls();
        if (ch === 'words') wordsBox.update(analysis, `recognition stopped (${(e as Error).message}).`);
      },
    });
    renderControls();
    leaveBtn.hidden = false;
    rejoinBtn.hidden = true;
  };

  const handle: CandidateHandle = {
    room: () => room,
    async leave() {
      await analysis?.stop();
      analysis = null;
      room?.leave();
      room = null;
      for (const t of stream?.getTracks() ?? []) t.stop();
      stream = null;
      remote.srcObject = null;
      self.srcObject = null;
      renderControls();
      status.textContent = 'You left the interview. Nothing is analysed or sent.';
      leaveBtn.hidden = true;
      rejoinBtn.hidden = false;
    },
    async rejoin() {
      if (room !== null) return;
      await join().catch((e: unknown) => (status.textContent = `Could not join: ${(e as Error).message}`));
    },
    async pause(ch) {
      await analysis?.pause(ch);
      renderControls();
    },
    async resume(ch) {
      await analysis?.resume(ch);
      renderControls();
    },
    supplyWords: (text) => analysis?.supplyWords(text) ?? false,
    nextAnswer: () => analysis?.nextAnswer(),
  };
  await join();
  return handle;
}
