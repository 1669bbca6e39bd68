// Reading a QR ticket with the phone's camera: getUserMedia for the back camera, and every
// quarter second the current video frame, scaled down, goes through jsQR (loaded only when the
// camera is first turned on). The same code is not reported twice within three seconds, so a
// ticket held in front of the camera checks her in once. Nothing is recorded or sent but the
// decoded text.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SCAN_MS = 250;
const SAME_CODE_MS = 3_000;
const MAX_SIDE = 640;

export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const report = useRef(onCode);
  useEffect(() => {
    report.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const last = { text: '', at: 0 };
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    void (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia || !ctx) throw new Error('no camera');
        const [{ default: jsQR }, media] = await Promise.all([
          import('jsqr'),
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: { ideal: 'environment' } },
            audio: false,
          }),
        ]);
        stream = media;
        if (stopped || !video.current) {
          media.getTracks().forEach((tr) => tr.stop());
          return;
        }
        video.current.srcObject = media;
        await video.current.play().catch(() => undefined);
        timer = window.setInterval(() => {
          const v = video.current;
          if (!v || v.readyState < 2 || !v.videoWidth) return;
          const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
          canvas.width = Math.round(v.videoWidth * scale);
          canvas.height = Math.round(v.videoHeight * scale);
          ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
          const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(frame.data, frame.width, frame.height, {
            inversionAttempts: 'dontInvert',
          });
          if (!code?.data) return;
          const now = Date.now();
          if (code.data === last.text && now - last.at < SAME_CODE_MS) return;
          last.text = code.data;
          last.at = now;
          report.current(code.data);
        }, SCAN_MS);
      } catch {
        if (!stopped) {
          setFailed(true);
          setOn(false);
        }
      }
    })();
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [on]);

  return (
    <div className="qr-scanner">
      <button
        type="button"
        className={on ? 'button-secondary checkin-big' : 'checkin-big'}
        aria-pressed={on}
        onClick={() => {
          setFailed(false);
          setOn(!on);
        }}
      >
        {on ? t('events.checkin.stopCamera') : t('events.checkin.camera')}
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {t('events.checkin.cameraUnavailable')}
        </p>
      )}
      {on && (
        <video
          ref={video}
          className="qr-video"
          muted
          playsInline
          aria-label={t('events.checkin.cameraLabel')}
        />
      )}
    </div>
  );
}
