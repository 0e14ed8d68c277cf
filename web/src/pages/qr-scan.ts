// Reading QR codes with the camera, for the leader's check-in at the door and a
// member's "we spraken elkaar" (someone's connect code). Frames go through jsQR,
// its own chunk, loaded only when the camera is started; the back camera on a
// phone. Each text read is handed to onText once while the camera runs; the
// scanner stops itself when onText answers true (or when its box leaves the page).
import { h } from '../dom';

export interface ScannerOptions {
  button: HTMLButtonElement;   // starts the camera; hidden while it runs
  box: HTMLElement;            // the video and the stop button go here
  idPrefix: string;            // ids: <prefix>-video, <prefix>-stop
  hint: string;
  videoLabel: string;
  stopLabel: string;
  unsupported: string;                     // no camera API in this browser
  denied: (msg: string) => string;         // the camera could not be opened
  onError: (text: string) => void;
  onText: (text: string) => Promise<boolean>;  // true: stop scanning
}

export interface Scanner { start(): Promise<void>; stop(): void }

export function qrScanner(o: ScannerOptions): Scanner {
  let stopImpl = () => {};
  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) { o.onError(o.unsupported); return; }
    o.button.disabled = true;
    let stream: MediaStream;
    let jsQR: typeof import('jsqr').default;
    try {
      const [mod, media] = await Promise.all([import('jsqr'), navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } }, audio: false,   // the back camera on a phone
      })]);
      jsQR = mod.default;
      stream = media;
    } catch (err) {
      o.button.disabled = false;
      o.onError(o.denied(err instanceof Error ? err.message : String(err)));
      return;
    }
    const video = h('video', { id: `${o.idPrefix}-video`, class: 'scan-video', muted: true, playsinline: true, 'aria-label': o.videoLabel });
    video.muted = true;
    video.srcObject = stream;
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true });
    const seen = new Set<string>();
    let running = true;
    stopImpl = () => {
      if (!running) return;
      running = false;
      for (const track of stream.getTracks()) track.stop();
      o.box.replaceChildren();
      o.button.hidden = false;
      o.button.disabled = false;
    };
    const stop = h('button', { type: 'button', class: 'btn', id: `${o.idPrefix}-stop`, onclick: () => stopImpl() }, o.stopLabel);
    o.button.hidden = true;
    o.box.replaceChildren(h('p', { class: 'hint' }, o.hint), video, h('div', { class: 'actions' }, stop));
    await video.play().catch(() => {});
    const tick = async () => {
      if (!running) return;
      if (!video.isConnected) { stopImpl(); return; }   // the page changed
      if (g && video.readyState >= 2 && video.videoWidth > 0) {
        const scale = Math.min(1, 800 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        g.drawImage(video, 0, 0, canvas.width, canvas.height);
        const img = g.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
        const text = found?.data.trim();
        if (text && !seen.has(text)) {
          seen.add(text);
          if (await o.onText(text)) { stopImpl(); return; }
        }
      }
      setTimeout(() => void tick(), 150);
    };
    void tick();
  };
  return { start, stop: () => stopImpl() };
}
