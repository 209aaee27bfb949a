/**
 * The interviewer's room: one tile per candidate (remote video, cue strip, notes), a log of every
 * received cue message, export and deletion of the notes. No score and no ranking anywhere.
 */
import { LiveRoom, type RemotePeer } from '@hirenet/sdk/live';
import { button, h, replace } from '../dom.ts';
import type { LiveRoomConfig } from './config.ts';
import { cueStrip, type CueStrip } from './cue-strip.ts';
import { openCameraAndMic, setStream, videoFor } from './media.ts';
import { deleteNotes, exportNotes, loadNotes } from './notes.ts';
import { followUpsPanel, type FollowUpsPanel } from './follow-ups-panel.ts';
import { wordsUsed, type WordsUsed } from './words-used.ts';
import { notesPanel } from './notes-panel.ts';

export interface InterviewerHandle {
  readonly room: LiveRoom;
  leave(): void;
}

interface Tile {
  readonly el: HTMLElement;
  readonly video: HTMLVideoElement;
  readonly strip: CueStrip;
  readonly words: WordsUsed;
  readonly followUps: FollowUpsPanel | null;
  readonly state: HTMLElement;
}

export async function interviewerView(root: HTMLElement, cfg: LiveRoomConfig): Promise<InterviewerHandle> {
  const status = h(
    'p',
    { class: 'status-line', role: 'status', 'data-testid': 'status' },
    'Opening camera and microphone…',
  );
  const tiles = h('div', { class: 'tiles', 'data-testid': 'tiles' });
  const cues = h('pre', {
    id: 'cues',
    class: 'cue-log',
    'aria-label': 'Every cue message received, one JSON line each',
  });
  const notesMsg = h('p', { class: 'hint', role: 'status' });
  const exportLink = h('a', { hidden: true, 'data-testid': 'export-link' });
  const exportBtn = button(
    'Export notes (JSON)',
    () => {
      try {
        const blob = new Blob([exportNotes(loadNotes(localStorage, cfg.room))], { type: 'application/json' });
        exportLink.href = URL.createObjectURL(blob);
        exportLink.download = `interview-notes-${cfg.room}.json`;
        exportLink.click();
      } catch (e) {
        notesMsg.textContent = (e as Error).message;
      }
    },
    { 'data-testid': 'export-notes' },
  );
  const deleteBtn = button(
    'Delete notes of this room',
    () => {
      deleteNotes(localStorage, cfg.room);
      notesMsg.textContent = 'Notes and ratings of this room were deleted from this browser.';
      for (const d of tiles.querySelectorAll('.notes-panel select')) (d as HTMLSelectElement).value = '';
      for (const d of tiles.querySelectorAll('.notes-panel textarea')) (d as HTMLTextAreaElement).value = '';
    },
    { class: 'danger', 'data-testid': 'delete-notes' },
  );
  const leaveBtn = button('Leave the room', () => handle?.leave(), { class: 'danger', 'data-testid': 'leave' });
  let handle: InterviewerHandle | undefined;
  const self = videoFor(null, { muted: true, label: 'Your camera', testid: 'self-video' });
  replace(
    root,
    h(
      'section',
      { class: 'live interviewer' },
      h('h2', {}, `Room ${cfg.room} — interviewer`),
      h(
        'p',
        { class: 'hint' },
        'Cues are measures from each candidate’s own device, sent only with their consent. ' +
          'They describe observable behaviour over the last seconds, and the words a candidate used most ' +
          '(counted on their device); they are not a score and say nothing about ability.',
      ),
      status,
      h('div', { class: 'self' }, self),
      tiles,
      h('div', { class: 'actions' }, exportBtn, deleteBtn, exportLink, leaveBtn),
      notesMsg,
      h('h3', {}, 'Received cue messages'),
      cues,
    ),
  );

  const stream = await openCameraAndMic(cfg.video);
  setStream(self, stream);
  status.textContent = 'Joining the room…';
  const room = await LiveRoom.join({
    relayUrl: cfg.relayUrl,
    // A function: each reconnection to the relay fetches a fresh token.
    token: cfg.token,
    localStream: stream,
    iceTransportPolicy: cfg.relayOnly === true ? 'relay' : 'all',
  });
  status.textContent = 'In the room. Waiting for candidates…';
  const byPeer = new Map<string, Tile>();

  const addTile = (p: RemotePeer): void => {
    const video = videoFor(p.stream, { muted: false, label: `Video of ${p.name}`, testid: 'remote-video' });
    const strip = cueStrip();
    const state = h('span', { class: 'conn', 'data-testid': 'conn' }, p.state);
    const words = wordsUsed();
    const followUps = cfg.followUps == null ? null : followUpsPanel(p.name, cfg.followUps);
    const el = h(
      'article',
      { class: 'tile', 'data-testid': 'tile', 'data-name': p.name, 'data-peer': p.id },
      h('h3', {}, p.name, ' ', state),
      video,
      strip.el,
      words.el,
      followUps?.el,
      notesPanel(cfg.room, p.name, (m) => (notesMsg.textContent = m)),
    );
    byPeer.set(p.id, { el, video, strip, words, followUps, state });
    tiles.append(el);
  };
  for (const p of room.peers.values()) addTile(p);
  room.addEventListener('peer-joined', (e) => {
    addTile(e.detail);
    status.textContent = `${e.detail.name} joined.`;
  });
  room.addEventListener('peer-left', (e) => {
    byPeer.get(e.detail.peer.id)?.el.remove();
    byPeer.delete(e.detail.peer.id);
    status.textContent = `${e.detail.peer.name} left (${e.detail.reason}).`;
  });
  room.addEventListener('stream', (e) => {
    const t = byPeer.get(e.detail.id);
    if (t !== undefined && e.detail.stream !== null) setStream(t.video, e.detail.stream);
  });
  room.addEventListener('state', (e) => {
    const t = byPeer.get(e.detail.id);
    if (t === undefined) return;
    t.state.textContent = e.detail.relay === 'away' ? `${e.detail.state} (rejoining)` : e.detail.state;
    t.el.dataset['state'] = e.detail.state;
    t.el.dataset['relay'] = e.detail.relay;
  });
  room.addEventListener('cue', (e) => {
    const t = byPeer.get(e.detail.peer.id);
    t?.strip.show(e.detail.cue);
    // The last answer's words pre-fill the follow-up box; suggestions still wait for "Suggest".
    const last = t?.words.show(e.detail.cue);
    if (last != null) t?.followUps?.prefill(last.words.map(([w]) => w));
    cues.append(h('span', { 'data-from': e.detail.peer.name }, `${e.detail.text}\n`));
  });
  room.addEventListener('cue-refused', (e) => {
    status.textContent = `A cue message from ${e.detail.peer.name} was refused: ${e.detail.error.message}`;
  });
  room.addEventListener('relay-closed', () => {
    status.textContent = 'The room server connection closed; calls already connected continue.';
  });
  room.addEventListener('relay-reconnecting', (e) => {
    status.textContent = `Room server connection lost; calls go on. Reconnecting (try ${e.detail.attempt})…`;
  });
  room.addEventListener('relay-reconnected', () => (status.textContent = 'Room server connection restored.'));
  room.addEventListener('relay-lost', (e) => (status.textContent = `Room server unreachable: ${e.detail.reason}`));
  // Same candidate, new relay id: the tile (video, cue strip, notes) stays as it is.
  room.addEventListener('peer-rejoined', (e) => {
    const t = byPeer.get(e.detail.oldId);
    if (t === undefined) return;
    byPeer.delete(e.detail.oldId);
    byPeer.set(e.detail.peer.id, t);
    t.el.dataset['peer'] = e.detail.peer.id;
    t.el.dataset['relay'] = 'present';
    t.state.textContent = e.detail.peer.state;
  });
  // Closing the tab says goodbye too, so candidates see "left" at once rather than a dropped socket.
  addEventListener('pagehide', () => room.leave(), { once: true });
  handle = {
    room,
    leave() {
      leaveBtn.disabled = true;
      room.leave();
      for (const t of stream.getTracks()) t.stop();
      status.textContent = 'You left the room.';
      tiles.replaceChildren();
    },
  };
  return handle;
}
